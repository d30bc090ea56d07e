package dev.rolehop.local.state;

import java.util.List;
import java.util.Objects;

/** A subnet of a VPC in one availability zone, with its IPv6 blocks and launch attributes. */
public record Subnet(
        String id,
        String vpcId,
        String ownerId,
        String cidrBlock,
        String availabilityZone,
        String availabilityZoneId,
        boolean defaultForAz,
        boolean mapPublicIpOnLaunch,
        boolean assignIpv6AddressOnCreation,
        List<CidrAssociation> ipv6CidrBlocks)
        implements Ec2Resource {

    public Subnet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(cidrBlock, "cidrBlock");
        Objects.requireNonNull(availabilityZone, "availabilityZone");
        ipv6CidrBlocks = List.copyOf(ipv6CidrBlocks);
    }

    /** This subnet with its launch attributes set. */
    public Subnet withAttributes(boolean mapPublicIp, boolean assignIpv6) {
        return new Subnet(
                id,
                vpcId,
                ownerId,
                cidrBlock,
                availabilityZone,
                availabilityZoneId,
                defaultForAz,
                mapPublicIp,
                assignIpv6,
                ipv6CidrBlocks);
    }

    /** This subnet with other IPv6 blocks. */
    public Subnet withIpv6CidrBlocks(List<CidrAssociation> blocks) {
        return new Subnet(
                id,
                vpcId,
                ownerId,
                cidrBlock,
                availabilityZone,
                availabilityZoneId,
                defaultForAz,
                mapPublicIpOnLaunch,
                assignIpv6AddressOnCreation,
                blocks);
    }
}
