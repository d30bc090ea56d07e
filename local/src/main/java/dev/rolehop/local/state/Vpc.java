package dev.rolehop.local.state;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A VPC: its CIDR blocks (the first IPv4 one is its primary block), DHCP options set, tenancy and
 * DNS attributes.
 */
public record Vpc(
        String id,
        String ownerId,
        boolean isDefault,
        String instanceTenancy,
        String dhcpOptionsId,
        boolean enableDnsSupport,
        boolean enableDnsHostnames,
        List<CidrAssociation> cidrBlocks)
        implements Ec2Resource {

    public Vpc {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(instanceTenancy, "instanceTenancy");
        cidrBlocks = List.copyOf(cidrBlocks);
    }

    /** The primary IPv4 block, given at creation; it cannot be disassociated. */
    public String cidrBlock() {
        return cidrBlocks.get(0).cidrBlock();
    }

    /** The associated blocks, IPv4 or IPv6. */
    public List<CidrAssociation> associated(boolean ipv6) {
        return cidrBlocks.stream()
                .filter(c -> c.ipv6() == ipv6 && c.associated())
                .toList();
    }

    /** This VPC with its blocks changed. */
    public Vpc withCidrBlocks(UnaryOperator<List<CidrAssociation>> change) {
        return new Vpc(
                id,
                ownerId,
                isDefault,
                instanceTenancy,
                dhcpOptionsId,
                enableDnsSupport,
                enableDnsHostnames,
                change.apply(cidrBlocks));
    }

    /** This VPC with another DHCP options set ({@code default} is none). */
    public Vpc withDhcpOptions(String optionsId) {
        return new Vpc(
                id, ownerId, isDefault, instanceTenancy, optionsId, enableDnsSupport, enableDnsHostnames, cidrBlocks);
    }

    /** This VPC with its DNS attributes set. */
    public Vpc withDns(boolean support, boolean hostnames) {
        return new Vpc(id, ownerId, isDefault, instanceTenancy, dhcpOptionsId, support, hostnames, cidrBlocks);
    }
}
