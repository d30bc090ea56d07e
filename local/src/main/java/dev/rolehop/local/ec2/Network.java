package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.DefaultVpc;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EC2 DescribeVpcs, DescribeVpcAttribute and DescribeSubnets over an account's default VPC in the
 * call's region.
 */
final class Network {

    private static final Set<String> VPC_FILTERS = Set.of(
            "vpc-id",
            "is-default",
            // amazon.aws's ec2_instance asks for the default VPC with this older spelling, which EC2 accepts.
            "isDefault",
            "cidr",
            "cidr-block-association.cidr-block",
            "state",
            "owner-id",
            "dhcp-options-id");
    private static final Set<String> SUBNET_FILTERS = Set.of(
            "vpc-id",
            "subnet-id",
            "availability-zone",
            "availability-zone-id",
            "default-for-az",
            "cidr-block",
            "cidr",
            "state",
            "owner-id");

    /** The attributes DescribeVpcAttribute answers; a default VPC has DNS support and hostnames on. */
    private static final Map<String, Boolean> VPC_ATTRIBUTES =
            Map.of("enableDnsSupport", true, "enableDnsHostnames", true, "enableNetworkAddressUsageMetrics", false);

    private final WorldState state;

    Network(WorldState state) {
        this.state = state;
    }

    String describeVpcs(ServiceCall call, DefaultVpc vpc) {
        Filters filters = Filters.parse(call.params(), VPC_FILTERS);
        List<String> ids = call.params().values("VpcId");
        for (String id : ids) {
            if (!id.equals(vpc.vpcId())) {
                throw AwsErrorCode.INVALID_VPC_ID_NOT_FOUND.error("The vpc ID '" + id + "' does not exist");
            }
        }
        Map<String, String> tags = state.read(vpc.accountId(), vpc.region(), r -> r.tags(vpc.vpcId()));
        XmlWriter xml = Ec2Xml.start("DescribeVpcs", call.requestId()).open("vpcSet");
        boolean selected = filters.matches(
                f -> switch (f) {
                    case "vpc-id" -> List.of(vpc.vpcId());
                    case "is-default", "isDefault" -> List.of("true");
                    case "cidr", "cidr-block-association.cidr-block" -> List.of(vpc.cidrBlock());
                    case "state" -> List.of("available");
                    case "owner-id" -> List.of(vpc.accountId());
                    case "dhcp-options-id" -> List.of(vpc.dhcpOptionsId());
                    default -> List.of();
                },
                tags);
        if (selected) {
            xml.open("item")
                    .element("vpcId", vpc.vpcId())
                    .element("ownerId", vpc.accountId())
                    .element("state", "available")
                    .element("cidrBlock", vpc.cidrBlock())
                    .open("cidrBlockAssociationSet")
                    .open("item")
                    .element("cidrBlock", vpc.cidrBlock())
                    .element("associationId", vpc.vpcId().replace("vpc-", "vpc-cidr-assoc-"))
                    .open("cidrBlockState")
                    .element("state", "associated")
                    .close("cidrBlockState")
                    .close("item")
                    .close("cidrBlockAssociationSet")
                    .element("dhcpOptionsId", vpc.dhcpOptionsId())
                    .element("instanceTenancy", "default")
                    .element("isDefault", true);
            Ec2Xml.tagSet(xml, tags);
            xml.close("item");
        }
        xml.close("vpcSet");
        return Ec2Xml.end(xml, "DescribeVpcs");
    }

    String describeVpcAttribute(ServiceCall call, DefaultVpc vpc) {
        String id = call.params().required("VpcId");
        String attribute = call.params().required("Attribute");
        if (!id.equals(vpc.vpcId())) {
            throw AwsErrorCode.INVALID_VPC_ID_NOT_FOUND.error("The vpc ID '" + id + "' does not exist");
        }
        Boolean value = VPC_ATTRIBUTES.get(attribute);
        if (value == null) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        }
        XmlWriter xml = Ec2Xml.start("DescribeVpcAttribute", call.requestId())
                .element("vpcId", id)
                .open(attribute)
                .element("value", value)
                .close(attribute);
        return Ec2Xml.end(xml, "DescribeVpcAttribute");
    }

    String describeSubnets(ServiceCall call, DefaultVpc vpc) {
        Filters filters = Filters.parse(call.params(), SUBNET_FILTERS);
        List<String> ids = call.params().values("SubnetId");
        for (String id : ids) {
            if (vpc.subnets().stream().noneMatch(s -> s.id().equals(id))) {
                throw AwsErrorCode.INVALID_SUBNET_ID_NOT_FOUND.error("The subnet ID '" + id + "' does not exist");
            }
        }
        XmlWriter xml = Ec2Xml.start("DescribeSubnets", call.requestId()).open("subnetSet");
        for (DefaultVpc.Subnet s : vpc.subnets()) {
            Map<String, String> tags = state.read(vpc.accountId(), vpc.region(), r -> r.tags(s.id()));
            boolean selected = (ids.isEmpty() || ids.contains(s.id()))
                    && filters.matches(
                            f -> switch (f) {
                                case "vpc-id" -> List.of(vpc.vpcId());
                                case "subnet-id" -> List.of(s.id());
                                case "availability-zone" -> List.of(s.availabilityZone());
                                case "availability-zone-id" -> List.of(s.availabilityZoneId());
                                case "default-for-az" -> List.of("true");
                                case "cidr-block", "cidr" -> List.of(s.cidrBlock());
                                case "state" -> List.of("available");
                                case "owner-id" -> List.of(vpc.accountId());
                                default -> List.of();
                            },
                            tags);
            if (!selected) {
                continue;
            }
            xml.open("item")
                    .element("subnetId", s.id())
                    .element("subnetArn", "arn:aws:ec2:" + vpc.region() + ":" + vpc.accountId() + ":subnet/" + s.id())
                    .element("state", "available")
                    .element("ownerId", vpc.accountId())
                    .element("vpcId", vpc.vpcId())
                    .element("cidrBlock", s.cidrBlock())
                    .element("availableIpAddressCount", 4091)
                    .element("availabilityZone", s.availabilityZone())
                    .element("availabilityZoneId", s.availabilityZoneId())
                    .element("defaultForAz", true)
                    .element("mapPublicIpOnLaunch", true)
                    .element("assignIpv6AddressOnCreation", false);
            Ec2Xml.tagSet(xml, tags);
            xml.close("item");
        }
        xml.close("subnetSet");
        return Ec2Xml.end(xml, "DescribeSubnets");
    }
}
