package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.CidrAssociation;
import dev.rolehop.local.state.DhcpOptions;
import dev.rolehop.local.state.InternetGateway;
import dev.rolehop.local.state.NetworkAcl;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.RouteTable;
import dev.rolehop.local.state.SecurityGroup;
import dev.rolehop.local.state.Subnet;
import dev.rolehop.local.state.Vpc;
import dev.rolehop.local.state.VpcDefaults;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.DefaultVpc;
import dev.rolehop.local.world.Ids;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EC2 VPC actions: CreateVpc (with its main route table, default network ACL and default
 * security group), DeleteVpc, DescribeVpcs, and the DNS attributes.
 */
final class Vpcs {

    /** The prefix lengths AWS allows for a VPC's IPv4 blocks. */
    static final int LARGEST = 16;

    static final int SMALLEST = 28;

    private static final Set<String> FILTERS = Set.of(
            "vpc-id",
            "is-default",
            // amazon.aws's ec2_instance asks for the default VPC with this older spelling, which EC2 accepts.
            "isDefault",
            "cidr",
            "cidr-block",
            "cidr-block-association.cidr-block",
            "cidr-block-association.association-id",
            "cidr-block-association.state",
            "ipv6-cidr-block-association.ipv6-cidr-block",
            "ipv6-cidr-block-association.ipv6-pool",
            "ipv6-cidr-block-association.association-id",
            "ipv6-cidr-block-association.state",
            "state",
            "owner-id",
            "dhcp-options-id");

    private final WorldState state;
    private final Listing<Vpc> listing = new Listing<>(
            "DescribeVpcs",
            "vpcSet",
            "VpcId",
            Vpc.class,
            FILTERS,
            (x, f, r) -> Vpcs.field(x, f),
            Vpcs::notFound,
            (xml, vpc, tags, r, region) -> NetworkXml.vpc(xml, "item", vpc, "available", tags, region));

    Vpcs(WorldState state) {
        this.state = state;
    }

    String create(ServiceCall call) {
        QueryParams p = call.params();
        String cidrText = p.required("CidrBlock");
        Cidr cidr = Cidr.require(cidrText, "cidrBlock");
        if (cidr.ipv6() || cidr.prefix() < LARGEST || cidr.prefix() > SMALLEST) {
            throw AwsErrorCode.INVALID_VPC_RANGE.error("The CIDR '" + cidrText + "' is invalid.");
        }
        String tenancy = p.get("InstanceTenancy").orElse("default");
        if (!tenancy.equals("default") && !tenancy.equals("dedicated")) {
            throw Ec2Errors.invalidValue(tenancy, "instanceTenancy", "Valid values are: default, dedicated.");
        }
        boolean ipv6 = Boolean.parseBoolean(p.get("AmazonProvidedIpv6CidrBlock").orElse("false"));
        Map<String, String> tags = TagSpecifications.forNew(p, "vpc");
        String id = Ids.randomHex("vpc-");
        List<CidrAssociation> blocks = new java.util.ArrayList<>();
        blocks.add(new CidrAssociation(Ids.randomHex("vpc-cidr-assoc-"), cidr.toString(), false, "associated"));
        if (ipv6) {
            blocks.add(new CidrAssociation(Ids.randomHex("vpc-cidr-assoc-"), amazonIpv6Block(), true, "associated"));
        }
        Vpc vpc = state.change(call.caller().accountId(), call.region(), r -> {
            String dopt =
                    DefaultVpc.of(call.caller().accountId(), call.region()).dhcpOptionsId();
            Vpc created = new Vpc(
                    id,
                    call.caller().accountId(),
                    false,
                    tenancy,
                    r.resource(DhcpOptions.class, dopt).isPresent() ? dopt : "default",
                    true,
                    false,
                    blocks);
            VpcDefaults.create(r, created, Ids::randomHex);
            tags.forEach((k, v) -> r.tag(id, k, v));
            return created;
        });
        XmlWriter xml = Ec2Xml.start("CreateVpc", call.requestId());
        NetworkXml.vpc(xml, "vpc", vpc, "pending", tags, call.region());
        return Ec2Xml.end(xml, "CreateVpc");
    }

    /** A fresh /56 from Amazon's pool, as AmazonProvidedIpv6CidrBlock assigns one (written canonically). */
    static String amazonIpv6Block() {
        String hex = Ids.randomHex("").substring(0, 5);
        return Cidr.require("2600:1f18:" + hex.substring(0, 4) + ":1" + hex.charAt(4) + "00::/56", "ipv6CidrBlock")
                .toString();
    }

    String delete(ServiceCall call) {
        String id = call.params().required("VpcId");
        state.change(call.caller().accountId(), call.region(), r -> {
            Vpc vpc = find(r, id);
            boolean dependent = r.resources(Subnet.class).stream()
                            .anyMatch(s -> s.vpcId().equals(id))
                    || r.resources(InternetGateway.class).stream().anyMatch(g -> id.equals(g.vpcId()))
                    || r.groups().stream()
                            .anyMatch(g -> g.vpcId().equals(id) && !g.name().equals("default"))
                    || r.resources(RouteTable.class).stream()
                            .anyMatch(t -> t.vpcId().equals(id) && !t.main());
            if (dependent) {
                throw Ec2Errors.dependencies("vpc", id);
            }
            // What AWS created with the VPC goes with it.
            r.resources(RouteTable.class).stream()
                    .filter(t -> t.vpcId().equals(id))
                    .forEach(t -> r.removeResource(t.id()));
            r.resources(NetworkAcl.class).stream()
                    .filter(a -> a.vpcId().equals(id))
                    .forEach(a -> r.removeResource(a.id()));
            r.groups().stream()
                    .filter(g -> g.vpcId().equals(id))
                    .map(SecurityGroup::id)
                    .forEach(r::remove);
            r.removeResource(vpc.id());
            return null;
        });
        return Ec2Xml.end(Ec2Xml.start("DeleteVpc", call.requestId()).element("return", true), "DeleteVpc");
    }

    String describe(ServiceCall call) {
        return listing.describe(call, state);
    }

    private static List<String> field(Vpc vpc, String filter) {
        if (filter.startsWith("cidr-block-association.")) {
            return NetworkXml.cidrFilter(vpc.associated(false), filter.substring(filter.indexOf('.') + 1));
        }
        if (filter.startsWith("ipv6-cidr-block-association.")) {
            return NetworkXml.cidrFilter(vpc.associated(true), filter.substring(filter.indexOf('.') + 1));
        }
        return switch (filter) {
            case "vpc-id" -> List.of(vpc.id());
            case "is-default", "isDefault" -> List.of(String.valueOf(vpc.isDefault()));
            case "cidr", "cidr-block" -> List.of(vpc.cidrBlock());
            case "state" -> List.of("available");
            case "owner-id" -> List.of(vpc.ownerId());
            case "dhcp-options-id" -> List.of(vpc.dhcpOptionsId());
            default -> List.of();
        };
    }

    String describeAttribute(ServiceCall call) {
        String id = call.params().required("VpcId");
        String attribute = call.params().required("Attribute");
        Vpc vpc = state.read(call.caller().accountId(), call.region(), r -> find(r, id));
        boolean value = switch (attribute) {
            case "enableDnsSupport" -> vpc.enableDnsSupport();
            case "enableDnsHostnames" -> vpc.enableDnsHostnames();
            case "enableNetworkAddressUsageMetrics" -> false;
            default -> throw Ec2Errors.invalidValue(attribute, "attribute", "Unknown attribute.");
        };
        XmlWriter xml = Ec2Xml.start("DescribeVpcAttribute", call.requestId())
                .element("vpcId", id)
                .open(attribute)
                .element("value", value)
                .close(attribute);
        return Ec2Xml.end(xml, "DescribeVpcAttribute");
    }

    /** ModifyVpcAttribute: one of EnableDnsSupport.Value and EnableDnsHostnames.Value per call, as on AWS. */
    String modifyAttribute(ServiceCall call) {
        QueryParams p = call.params();
        String id = p.required("VpcId");
        var support = p.get("EnableDnsSupport.Value").map(Vpcs::bool);
        var hostnames = p.get("EnableDnsHostnames.Value").map(Vpcs::bool);
        if (support.isPresent() == hostnames.isPresent()) {
            throw support.isPresent()
                    ? AwsErrorCode.INVALID_PARAMETER_COMBINATION.error(
                            "Fields for multiple attribute types specified: enableDnsHostnames, enableDnsSupport")
                    : AwsErrorCode.MISSING_PARAMETER.error("The request must contain exactly one attribute");
        }
        state.change(call.caller().accountId(), call.region(), r -> {
            Vpc vpc = find(r, id);
            r.putResource(
                    vpc.withDns(support.orElse(vpc.enableDnsSupport()), hostnames.orElse(vpc.enableDnsHostnames())));
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("ModifyVpcAttribute", call.requestId()).element("return", true), "ModifyVpcAttribute");
    }

    private static boolean bool(String text) {
        if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
            throw Ec2Errors.invalidValue(text, "value", "Expecting a boolean.");
        }
        return Boolean.parseBoolean(text);
    }

    /** The VPC with this id, or AWS's InvalidVpcID.NotFound. */
    static Vpc find(RegionState r, String id) {
        return r.resource(Vpc.class, id).orElseThrow(() -> notFound(id));
    }

    static AwsException notFound(String id) {
        return AwsErrorCode.INVALID_VPC_ID_NOT_FOUND.error("The vpc ID '" + id + "' does not exist");
    }
}
