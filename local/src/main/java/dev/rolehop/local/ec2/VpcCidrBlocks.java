package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.CidrAssociation;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.Route;
import dev.rolehop.local.state.RouteTable;
import dev.rolehop.local.state.Subnet;
import dev.rolehop.local.state.Vpc;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Ids;
import java.util.ArrayList;
import java.util.List;

/**
 * EC2 AssociateVpcCidrBlock and DisassociateVpcCidrBlock: secondary IPv4 blocks and Amazon-provided
 * IPv6 blocks of a VPC; every route table of the VPC gets (or loses) the block's local route.
 */
final class VpcCidrBlocks {

    /** Blocks of each family a VPC may have, AWS's default quota. */
    static final int MAX_BLOCKS = 5;

    private final WorldState state;

    VpcCidrBlocks(WorldState state) {
        this.state = state;
    }

    String associate(ServiceCall call) {
        QueryParams p = call.params();
        String vpcId = p.required("VpcId");
        boolean ipv6 = Boolean.parseBoolean(p.get("AmazonProvidedIpv6CidrBlock").orElse("false"));
        String text = p.get("CidrBlock").orElse(null);
        if (ipv6 == (text != null)) {
            throw AwsErrorCode.INVALID_PARAMETER_COMBINATION.error(
                    "Either a CidrBlock or AmazonProvidedIpv6CidrBlock must be specified, but not both");
        }
        String block;
        if (ipv6) {
            block = Vpcs.amazonIpv6Block();
        } else {
            Cidr cidr = Cidr.require(text, "cidrBlock");
            if (cidr.ipv6() || cidr.prefix() < Vpcs.LARGEST || cidr.prefix() > Vpcs.SMALLEST) {
                throw AwsErrorCode.INVALID_VPC_RANGE.error("The CIDR '" + text + "' is invalid.");
            }
            block = cidr.toString();
        }
        CidrAssociation added = new CidrAssociation(Ids.randomHex("vpc-cidr-assoc-"), block, ipv6, "associated");
        state.change(call.caller().accountId(), call.region(), r -> {
            Vpc vpc = Vpcs.find(r, vpcId);
            List<CidrAssociation> same = vpc.associated(ipv6);
            if (same.size() >= MAX_BLOCKS) {
                throw AwsErrorCode.CIDR_LIMIT_EXCEEDED.error(
                        "This network '" + vpcId + "' has met its maximum number of allowed CIDRs: " + MAX_BLOCKS);
            }
            Cidr wanted = Cidr.require(block, "cidrBlock");
            if (same.stream()
                    .anyMatch(c -> Cidr.require(c.cidrBlock(), "cidrBlock").overlaps(wanted))) {
                throw AwsErrorCode.INVALID_VPC_RANGE.error("The CIDR '" + block + "' is invalid.");
            }
            r.putResource(vpc.withCidrBlocks(blocks -> {
                List<CidrAssociation> out = new ArrayList<>(blocks);
                out.add(added);
                return out;
            }));
            for (RouteTable t : tables(r, vpcId)) {
                List<Route> routes = new ArrayList<>(t.routes());
                routes.add(new Route(block, "gatewayId", "local", "CreateRouteTable"));
                r.putResource(t.withRoutes(routes));
            }
            return null;
        });
        XmlWriter xml = Ec2Xml.start("AssociateVpcCidrBlock", call.requestId());
        NetworkXml.cidrAssociation(
                xml,
                ipv6 ? "ipv6CidrBlockAssociation" : "cidrBlockAssociation",
                added.withState("associating"),
                call.region());
        xml.element("vpcId", vpcId);
        return Ec2Xml.end(xml, "AssociateVpcCidrBlock");
    }

    String disassociate(ServiceCall call) {
        String id = call.params().required("AssociationId");
        record Removed(String vpcId, CidrAssociation block) {}
        Removed removed = state.change(call.caller().accountId(), call.region(), r -> {
            for (Vpc vpc : r.resources(Vpc.class)) {
                for (CidrAssociation c : vpc.cidrBlocks()) {
                    if (c.associationId().equals(id) && c.associated()) {
                        disassociate(r, vpc, c);
                        return new Removed(vpc.id(), c);
                    }
                }
            }
            throw AwsErrorCode.INVALID_VPC_CIDR_ASSOCIATION_NOT_FOUND.error(
                    "The vpc CIDR block association ID '" + id + "' does not exist");
        });
        XmlWriter xml = Ec2Xml.start("DisassociateVpcCidrBlock", call.requestId());
        NetworkXml.cidrAssociation(
                xml,
                removed.block().ipv6() ? "ipv6CidrBlockAssociation" : "cidrBlockAssociation",
                removed.block().withState("disassociating"),
                call.region());
        xml.element("vpcId", removed.vpcId());
        return Ec2Xml.end(xml, "DisassociateVpcCidrBlock");
    }

    private static void disassociate(RegionState r, Vpc vpc, CidrAssociation c) {
        if (!c.ipv6() && vpc.cidrBlocks().get(0).associationId().equals(c.associationId())) {
            throw AwsErrorCode.OPERATION_NOT_PERMITTED.error("The vpc CIDR block with association ID "
                    + c.associationId() + " may not be disassociated. It is the primary IPv4 CIDR block of the VPC");
        }
        Cidr block = Cidr.require(c.cidrBlock(), "cidrBlock");
        boolean used = r.resources(Subnet.class).stream()
                .filter(s -> s.vpcId().equals(vpc.id()))
                .anyMatch(s -> c.ipv6()
                        ? s.ipv6CidrBlocks().stream()
                                .anyMatch(b -> block.contains(Cidr.require(b.cidrBlock(), "cidrBlock")))
                        : block.contains(Cidr.require(s.cidrBlock(), "cidrBlock")));
        if (used) {
            throw AwsErrorCode.DEPENDENCY_VIOLATION.error("The vpc CIDR block association '" + c.associationId()
                    + "' has dependencies and cannot be disassociated.");
        }
        r.putResource(vpc.withCidrBlocks(blocks -> blocks.stream()
                .filter(b -> !b.associationId().equals(c.associationId()))
                .toList()));
        for (RouteTable t : tables(r, vpc.id())) {
            r.putResource(t.withRoutes(t.routes().stream()
                    .filter(route -> !(route.local() && route.destination().equals(c.cidrBlock())))
                    .toList()));
        }
    }

    private static List<RouteTable> tables(RegionState r, String vpcId) {
        return r.resources(RouteTable.class).stream()
                .filter(t -> t.vpcId().equals(vpcId))
                .toList();
    }
}
