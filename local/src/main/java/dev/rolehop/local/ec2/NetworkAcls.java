package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.NetworkAcl;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.Subnet;
import dev.rolehop.local.state.Vpc;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Ids;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EC2 DescribeNetworkAcls over each VPC's default network ACL: AWS's default entries (allow all,
 * then the catch-all deny; IPv6 too when the VPC has an IPv6 block), associated with every subnet
 * of the VPC. Custom ACLs are not served.
 */
final class NetworkAcls {

    private static final Set<String> FILTERS = Set.of(
            "network-acl-id", "vpc-id", "default", "owner-id", "association.subnet-id", "association.association-id");

    /** The last rule number of the catch-all entries. */
    private static final int CATCH_ALL = 32767;

    private static final int ALLOW_ALL = 100;

    private final WorldState state;
    private final Listing<NetworkAcl> listing = new Listing<>(
            "DescribeNetworkAcls",
            "networkAclSet",
            "NetworkAclId",
            NetworkAcl.class,
            FILTERS,
            NetworkAcls::field,
            id -> Ec2Errors.notFound(AwsErrorCode.INVALID_NETWORK_ACL_ID_NOT_FOUND, "networkAcl", id),
            NetworkAcls::write);

    NetworkAcls(WorldState state) {
        this.state = state;
    }

    String describe(ServiceCall call) {
        return listing.describe(call, state);
    }

    private static List<String> field(NetworkAcl acl, String filter, RegionState r) {
        return switch (filter) {
            case "network-acl-id" -> List.of(acl.id());
            case "vpc-id" -> List.of(acl.vpcId());
            case "default" -> List.of(String.valueOf(acl.isDefault()));
            case "owner-id" -> List.of(acl.ownerId());
            case "association.subnet-id" ->
                subnets(acl, r).stream().map(Subnet::id).toList();
            case "association.association-id" ->
                subnets(acl, r).stream().map(s -> associationId(acl, s)).toList();
            default -> List.of();
        };
    }

    private static List<Subnet> subnets(NetworkAcl acl, RegionState r) {
        return r.resources(Subnet.class).stream()
                .filter(s -> s.vpcId().equals(acl.vpcId()))
                .toList();
    }

    private static String associationId(NetworkAcl acl, Subnet s) {
        return Ids.stableHex("aclassoc-", acl.id() + "/" + s.id());
    }

    private static void write(XmlWriter xml, NetworkAcl acl, Map<String, String> tags, RegionState r, String region) {
        boolean ipv6 = r.resource(Vpc.class, acl.vpcId())
                .map(v -> !v.associated(true).isEmpty())
                .orElse(false);
        xml.open("item")
                .element("networkAclId", acl.id())
                .element("vpcId", acl.vpcId())
                .element("default", acl.isDefault())
                .open("entrySet");
        for (boolean egress : List.of(true, false)) {
            entry(xml, ALLOW_ALL, egress, "allow", "0.0.0.0/0");
            if (ipv6) {
                entry(xml, ALLOW_ALL + 1, egress, "allow", "::/0");
            }
            entry(xml, CATCH_ALL, egress, "deny", "0.0.0.0/0");
            if (ipv6) {
                entry(xml, CATCH_ALL + 1, egress, "deny", "::/0");
            }
        }
        xml.close("entrySet").open("associationSet");
        for (Subnet s : subnets(acl, r)) {
            xml.open("item")
                    .element("networkAclAssociationId", associationId(acl, s))
                    .element("networkAclId", acl.id())
                    .element("subnetId", s.id())
                    .close("item");
        }
        xml.close("associationSet");
        Ec2Xml.tagSet(xml, tags);
        xml.element("ownerId", acl.ownerId()).close("item");
    }

    private static void entry(XmlWriter xml, int rule, boolean egress, String action, String cidr) {
        xml.open("item")
                .element("ruleNumber", rule)
                .element("protocol", "-1")
                .element("ruleAction", action)
                .element("egress", egress)
                .element(cidr.contains(":") ? "ipv6CidrBlock" : "cidrBlock", cidr)
                .close("item");
    }
}
