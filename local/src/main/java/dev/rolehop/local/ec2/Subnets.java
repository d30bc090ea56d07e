package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.CidrAssociation;
import dev.rolehop.local.state.Instance;
import dev.rolehop.local.state.NetworkInterface;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.RouteTable;
import dev.rolehop.local.state.Subnet;
import dev.rolehop.local.state.Vpc;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.DefaultVpc;
import dev.rolehop.local.world.Ids;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * EC2 subnet actions: CreateSubnet (inside one of the VPC's blocks, overlapping no other subnet,
 * in one of the region's zones), DeleteSubnet, DescribeSubnets, ModifySubnetAttribute and the
 * subnet's IPv6 blocks.
 */
final class Subnets {

    /** AWS keeps five addresses of every subnet (network, router, DNS, future use, broadcast). */
    private static final int RESERVED_ADDRESSES = 5;

    private static final int IPV6_PREFIX = 64;

    private static final Set<String> FILTERS = Set.of(
            "vpc-id",
            "subnet-id",
            "subnet-arn",
            "availability-zone",
            "availability-zone-id",
            "available-ip-address-count",
            "default-for-az",
            "cidr-block",
            "cidr",
            "cidrBlock",
            "ipv6-cidr-block-association.ipv6-cidr-block",
            "ipv6-cidr-block-association.association-id",
            "ipv6-cidr-block-association.state",
            "map-public-ip-on-launch",
            "state",
            "owner-id");

    private final WorldState state;
    private final Listing<Subnet> listing = new Listing<>(
            "DescribeSubnets",
            "subnetSet",
            "SubnetId",
            Subnet.class,
            FILTERS,
            (x, f, r) -> Subnets.field(x, f),
            Subnets::notFound,
            (xml, subnet, tags, r, region) -> write(xml, "item", subnet, "available", tags, region));

    Subnets(WorldState state) {
        this.state = state;
    }

    String create(ServiceCall call) {
        QueryParams p = call.params();
        String vpcId = p.required("VpcId");
        String text = p.required("CidrBlock");
        Cidr cidr = Cidr.require(text, "cidrBlock");
        Optional<Cidr> ipv6 = p.get("Ipv6CidrBlock").map(t -> Cidr.require(t, "ipv6CidrBlock"));
        DefaultVpc.Zone zone = zone(p, call.region());
        Map<String, String> tags = TagSpecifications.forNew(p, "subnet");
        String id = Ids.randomHex("subnet-");
        Subnet subnet = state.change(call.caller().accountId(), call.region(), r -> {
            Vpc vpc = Vpcs.find(r, vpcId);
            if (cidr.ipv6()
                    || cidr.prefix() < Vpcs.LARGEST
                    || cidr.prefix() > Vpcs.SMALLEST
                    || vpc.associated(false).stream().noneMatch(b -> cidrOf(b).contains(cidr))) {
                throw AwsErrorCode.INVALID_SUBNET_RANGE.error("The CIDR '" + text + "' is invalid.");
            }
            List<Subnet> siblings = r.resources(Subnet.class).stream()
                    .filter(s -> s.vpcId().equals(vpcId))
                    .toList();
            if (siblings.stream()
                    .anyMatch(s -> Cidr.require(s.cidrBlock(), "cidrBlock").overlaps(cidr))) {
                throw AwsErrorCode.INVALID_SUBNET_CONFLICT.error(
                        "The CIDR '" + text + "' conflicts with another subnet");
            }
            List<CidrAssociation> v6 = new ArrayList<>();
            if (ipv6.isPresent()) {
                v6.add(ipv6Block(vpc, siblings, ipv6.get(), p.required("Ipv6CidrBlock")));
            }
            Subnet created = new Subnet(
                    id,
                    vpcId,
                    call.caller().accountId(),
                    cidr.toString(),
                    zone.name(),
                    zone.id(),
                    false,
                    false,
                    false,
                    v6);
            r.putResource(created);
            tags.forEach((k, v) -> r.tag(id, k, v));
            return created;
        });
        XmlWriter xml = Ec2Xml.start("CreateSubnet", call.requestId());
        write(xml, "subnet", subnet, "available", tags, call.region());
        return Ec2Xml.end(xml, "CreateSubnet");
    }

    /** The zone a request names by name or id; without either, the region's first. */
    private static DefaultVpc.Zone zone(QueryParams p, String region) {
        List<DefaultVpc.Zone> zones = DefaultVpc.zones(region);
        Optional<String> name = p.get("AvailabilityZone");
        Optional<String> zoneId = p.get("AvailabilityZoneId");
        if (name.isEmpty() && zoneId.isEmpty()) {
            return zones.get(0);
        }
        return zones.stream()
                .filter(z -> name.map(z.name()::equals).orElse(true)
                        && zoneId.map(z.id()::equals).orElse(true))
                .findFirst()
                .orElseThrow(() -> Ec2Errors.invalidValue(
                        name.orElse(zoneId.orElse("")),
                        name.isPresent() ? "availabilityZone" : "availabilityZoneId",
                        "Subnets can currently only be created in the following availability zones: "
                                + zones.stream()
                                        .map(name.isPresent() ? DefaultVpc.Zone::name : DefaultVpc.Zone::id)
                                        .collect(Collectors.joining(", "))
                                + "."));
    }

    /** A subnet's IPv6 block: a /64 inside one of the VPC's IPv6 blocks, used by no other subnet. */
    private static CidrAssociation ipv6Block(Vpc vpc, List<Subnet> siblings, Cidr block, String text) {
        if (!block.ipv6()
                || block.prefix() != IPV6_PREFIX
                || vpc.associated(true).stream().noneMatch(b -> cidrOf(b).contains(block))) {
            throw AwsErrorCode.INVALID_SUBNET_RANGE.error("The CIDR '" + text + "' is invalid.");
        }
        boolean taken = siblings.stream()
                .flatMap(s -> s.ipv6CidrBlocks().stream())
                .filter(CidrAssociation::associated)
                .anyMatch(b -> cidrOf(b).overlaps(block));
        if (taken) {
            throw AwsErrorCode.INVALID_SUBNET_CONFLICT.error(
                    "The IPv6 CIDR '" + text + "' conflicts with another subnet");
        }
        return new CidrAssociation(Ids.randomHex("subnet-cidr-assoc-"), block.toString(), true, "associated");
    }

    private static Cidr cidrOf(CidrAssociation c) {
        return Cidr.require(c.cidrBlock(), "cidrBlock");
    }

    String delete(ServiceCall call) {
        String id = call.params().required("SubnetId");
        state.change(call.caller().accountId(), call.region(), r -> {
            Subnet subnet = find(r, id);
            // An instance that is not (being) terminated holds its subnet.
            boolean used = r.resources(Instance.class).stream()
                    .anyMatch(i -> i.subnetId().equals(subnet.id())
                            && !i.state().equals("shutting-down")
                            && !i.state().equals("terminated"));
            if (used
                    || r.resources(NetworkInterface.class).stream()
                            .anyMatch(n -> n.subnetId().equals(id))) {
                throw Ec2Errors.dependencies("subnet", id);
            }
            // Its route table association goes with it, as on AWS.
            for (RouteTable t : r.resources(RouteTable.class)) {
                if (t.associations().stream().anyMatch(a -> id.equals(a.subnetId()))) {
                    r.putResource(t.withAssociations(t.associations().stream()
                            .filter(a -> !id.equals(a.subnetId()))
                            .toList()));
                }
            }
            r.removeResource(id);
            return null;
        });
        return Ec2Xml.end(Ec2Xml.start("DeleteSubnet", call.requestId()).element("return", true), "DeleteSubnet");
    }

    String describe(ServiceCall call) {
        return listing.describe(call, state);
    }

    /** ModifySubnetAttribute: MapPublicIpOnLaunch.Value or AssignIpv6AddressOnCreation.Value. */
    String modifyAttribute(ServiceCall call) {
        QueryParams p = call.params();
        String id = p.required("SubnetId");
        Optional<Boolean> mapPublic = p.get("MapPublicIpOnLaunch.Value").map(Boolean::parseBoolean);
        Optional<Boolean> assignIpv6 =
                p.get("AssignIpv6AddressOnCreation.Value").map(Boolean::parseBoolean);
        if (mapPublic.isEmpty() && assignIpv6.isEmpty()) {
            throw AwsErrorCode.MISSING_PARAMETER.error("The request must contain exactly one attribute");
        }
        state.change(call.caller().accountId(), call.region(), r -> {
            Subnet s = find(r, id);
            if (assignIpv6.orElse(false) && s.ipv6CidrBlocks().stream().noneMatch(CidrAssociation::associated)) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Invalid value 'true' for "
                        + "assignIpv6AddressOnCreation. Cannot set assignIpv6AddressOnCreation to true unless the "
                        + "subnet (" + id + ") has an IPv6 CIDR block associated with it.");
            }
            r.putResource(s.withAttributes(
                    mapPublic.orElse(s.mapPublicIpOnLaunch()), assignIpv6.orElse(s.assignIpv6AddressOnCreation())));
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("ModifySubnetAttribute", call.requestId()).element("return", true),
                "ModifySubnetAttribute");
    }

    String associateCidrBlock(ServiceCall call) {
        String id = call.params().required("SubnetId");
        String text = call.params().required("Ipv6CidrBlock");
        Cidr block = Cidr.require(text, "ipv6CidrBlock");
        CidrAssociation added = state.change(call.caller().accountId(), call.region(), r -> {
            Subnet s = find(r, id);
            List<Subnet> siblings = r.resources(Subnet.class).stream()
                    .filter(x -> x.vpcId().equals(s.vpcId()))
                    .toList();
            CidrAssociation a = ipv6Block(Vpcs.find(r, s.vpcId()), siblings, block, text);
            List<CidrAssociation> blocks = new ArrayList<>(s.ipv6CidrBlocks().stream()
                    .filter(CidrAssociation::associated)
                    .toList());
            blocks.add(a);
            r.putResource(s.withIpv6CidrBlocks(blocks));
            return a;
        });
        XmlWriter xml =
                Ec2Xml.start("AssociateSubnetCidrBlock", call.requestId()).element("subnetId", id);
        NetworkXml.cidrAssociation(xml, "ipv6CidrBlockAssociation", added.withState("associating"), call.region());
        return Ec2Xml.end(xml, "AssociateSubnetCidrBlock");
    }

    String disassociateCidrBlock(ServiceCall call) {
        String id = call.params().required("AssociationId");
        record Removed(String subnetId, CidrAssociation block) {}
        Removed removed = state.change(call.caller().accountId(), call.region(), r -> {
            for (Subnet s : r.resources(Subnet.class)) {
                for (CidrAssociation b : s.ipv6CidrBlocks()) {
                    if (b.associationId().equals(id) && b.associated()) {
                        // AWS goes on listing the block, disassociated, for a while (amazon.aws's
                        // ec2_vpc_subnet waits to see it so); here until the next association.
                        r.putResource(s.withIpv6CidrBlocks(s.ipv6CidrBlocks().stream()
                                        .map(x -> x.associationId().equals(id) ? x.withState("disassociated") : x)
                                        .toList())
                                .withAttributes(s.mapPublicIpOnLaunch(), false));
                        return new Removed(s.id(), b);
                    }
                }
            }
            throw AwsErrorCode.INVALID_SUBNET_CIDR_ASSOCIATION_NOT_FOUND.error(
                    "The subnet CIDR block with association ID '" + id + "' does not exist");
        });
        XmlWriter xml =
                Ec2Xml.start("DisassociateSubnetCidrBlock", call.requestId()).element("subnetId", removed.subnetId());
        NetworkXml.cidrAssociation(
                xml, "ipv6CidrBlockAssociation", removed.block().withState("disassociating"), call.region());
        return Ec2Xml.end(xml, "DisassociateSubnetCidrBlock");
    }

    private static void write(
            XmlWriter xml, String element, Subnet s, String state, Map<String, String> tags, String region) {
        xml.open(element)
                .element("subnetId", s.id())
                .element("subnetArn", "arn:aws:ec2:" + region + ":" + s.ownerId() + ":subnet/" + s.id())
                .element("state", state)
                .element("ownerId", s.ownerId())
                .element("vpcId", s.vpcId())
                .element("cidrBlock", s.cidrBlock())
                .open("ipv6CidrBlockAssociationSet");
        s.ipv6CidrBlocks().forEach(b -> NetworkXml.cidrAssociation(xml, "item", b, region));
        xml.close("ipv6CidrBlockAssociationSet")
                .element("availableIpAddressCount", availableAddresses(s))
                .element("availabilityZone", s.availabilityZone())
                .element("availabilityZoneId", s.availabilityZoneId())
                .element("defaultForAz", s.defaultForAz())
                .element("mapPublicIpOnLaunch", s.mapPublicIpOnLaunch())
                .element("mapCustomerOwnedIpOnLaunch", false)
                .element("assignIpv6AddressOnCreation", s.assignIpv6AddressOnCreation())
                .element("ipv6Native", false)
                .element("enableDns64", false)
                .open("privateDnsNameOptionsOnLaunch")
                .element("hostnameType", "ip-name")
                .element("enableResourceNameDnsARecord", false)
                .element("enableResourceNameDnsAAAARecord", false)
                .close("privateDnsNameOptionsOnLaunch");
        Ec2Xml.tagSet(xml, tags);
        xml.close(element);
    }

    /** The addresses left for instances: the block's size less AWS's five reserved ones. */
    static int availableAddresses(Subnet s) {
        BigInteger size = Cidr.require(s.cidrBlock(), "cidrBlock").size();
        return size.intValueExact() - RESERVED_ADDRESSES;
    }

    private static List<String> field(Subnet s, String filter) {
        if (filter.startsWith("ipv6-cidr-block-association.")) {
            return NetworkXml.cidrFilter(s.ipv6CidrBlocks(), filter.substring(filter.indexOf('.') + 1));
        }
        return switch (filter) {
            case "vpc-id" -> List.of(s.vpcId());
            case "subnet-id" -> List.of(s.id());
            case "subnet-arn" -> List.of("arn:aws:ec2:*:" + s.ownerId() + ":subnet/" + s.id());
            case "availability-zone" -> List.of(s.availabilityZone());
            case "availability-zone-id" -> List.of(s.availabilityZoneId());
            case "available-ip-address-count" -> List.of(String.valueOf(availableAddresses(s)));
            case "default-for-az" -> List.of(String.valueOf(s.defaultForAz()));
            case "cidr-block", "cidr", "cidrBlock" -> List.of(s.cidrBlock());
            case "map-public-ip-on-launch" -> List.of(String.valueOf(s.mapPublicIpOnLaunch()));
            case "state" -> List.of("available");
            case "owner-id" -> List.of(s.ownerId());
            default -> List.of();
        };
    }

    /** The subnet with this id, or AWS's InvalidSubnetID.NotFound. */
    static Subnet find(RegionState r, String id) {
        return r.resource(Subnet.class, id).orElseThrow(() -> notFound(id));
    }

    static AwsException notFound(String id) {
        return AwsErrorCode.INVALID_SUBNET_ID_NOT_FOUND.error("The subnet ID '" + id + "' does not exist");
    }
}
