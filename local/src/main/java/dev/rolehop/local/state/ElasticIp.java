package dev.rolehop.local.state;

import java.util.Objects;

/**
 * An Elastic IP address (every address is a VPC one since EC2-Classic retired); its id is the
 * allocation id. While it is associated, {@code associationId} names the association,
 * {@code networkInterfaceId} and {@code privateIp} where it points, and {@code instanceId} the
 * instance of that interface (null for an unattached interface or a NAT gateway's); all four are
 * null otherwise.
 */
public record ElasticIp(
        String id,
        String publicIp,
        String ownerId,
        String associationId,
        String networkInterfaceId,
        String privateIp,
        String instanceId)
        implements Ec2Resource {

    public ElasticIp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(publicIp, "publicIp");
        Objects.requireNonNull(ownerId, "ownerId");
    }

    /** Whether the address points somewhere. */
    public boolean associated() {
        return associationId != null;
    }

    /** This address pointed at an interface's private address (all null: disassociated). */
    public ElasticIp withAssociation(String newAssociationId, String interfaceId, String ip, String instance) {
        return new ElasticIp(id, publicIp, ownerId, newAssociationId, interfaceId, ip, instance);
    }
}
