package dev.rolehop.local.ec2;

import dev.rolehop.local.state.CidrAssociation;
import dev.rolehop.local.state.Vpc;
import dev.rolehop.local.wire.XmlWriter;
import java.util.List;
import java.util.Map;

/** Writes EC2's VPC items and CIDR block associations, shared by the VPC actions. */
final class NetworkXml {

    private NetworkXml() {}

    /** Writes a VPC as {@code element} ({@code item} in DescribeVpcs, {@code vpc} in CreateVpc). */
    static void vpc(XmlWriter xml, String element, Vpc vpc, String state, Map<String, String> tags, String region) {
        xml.open(element)
                .element("vpcId", vpc.id())
                .element("ownerId", vpc.ownerId())
                .element("state", state)
                .element("cidrBlock", vpc.cidrBlock())
                .open("cidrBlockAssociationSet");
        vpc.cidrBlocks().stream().filter(c -> !c.ipv6()).forEach(c -> cidrAssociation(xml, "item", c, region));
        xml.close("cidrBlockAssociationSet").open("ipv6CidrBlockAssociationSet");
        vpc.cidrBlocks().stream().filter(CidrAssociation::ipv6).forEach(c -> cidrAssociation(xml, "item", c, region));
        xml.close("ipv6CidrBlockAssociationSet")
                .element("dhcpOptionsId", vpc.dhcpOptionsId())
                .element("instanceTenancy", vpc.instanceTenancy())
                .element("isDefault", vpc.isDefault());
        Ec2Xml.tagSet(xml, tags);
        xml.close(element);
    }

    /**
     * Writes one CIDR block association: {@code cidrBlock} and {@code cidrBlockState}, or for
     * IPv6 {@code ipv6CidrBlock}, {@code ipv6CidrBlockState}, Amazon's pool and the region as
     * network border group.
     */
    static void cidrAssociation(XmlWriter xml, String element, CidrAssociation c, String region) {
        String prefix = c.ipv6() ? "ipv6CidrBlock" : "cidrBlock";
        xml.open(element)
                .element("associationId", c.associationId())
                .element(prefix, c.cidrBlock())
                .open(prefix + "State")
                .element("state", c.state())
                .close(prefix + "State");
        if (c.ipv6()) {
            xml.element("networkBorderGroup", region).element("ipv6Pool", "Amazon");
        }
        xml.close(element);
    }

    /** The values of the VPC filters on CIDR blocks ({@code cidr-block-association.*} and IPv6). */
    static List<String> cidrFilter(List<CidrAssociation> blocks, String field) {
        return blocks.stream()
                .map(c -> switch (field) {
                    case "cidr-block", "ipv6-cidr-block" -> c.cidrBlock();
                    case "association-id" -> c.associationId();
                    case "state" -> c.state();
                    case "ipv6-pool" -> "Amazon";
                    default -> null;
                })
                .toList();
    }
}
