package dev.rolehop.local.state;

import java.util.Objects;

/**
 * A CIDR block associated with a VPC or subnet, as EC2 lists it in {@code cidrBlockAssociationSet}
 * or {@code ipv6CidrBlockAssociationSet}.
 *
 * @param ipv6 whether the block is IPv6 (then the pool is Amazon's, the border group the region)
 * @param state {@code associated}, or {@code disassociated} for a block removed but still listed
 */
public record CidrAssociation(String associationId, String cidrBlock, boolean ipv6, String state) {

    public CidrAssociation {
        Objects.requireNonNull(associationId, "associationId");
        Objects.requireNonNull(cidrBlock, "cidrBlock");
        Objects.requireNonNull(state, "state");
    }

    /** Whether the block is associated now. */
    public boolean associated() {
        return state.equals("associated");
    }

    /** This association in another state. */
    public CidrAssociation withState(String newState) {
        return new CidrAssociation(associationId, cidrBlock, ipv6, newState);
    }
}
