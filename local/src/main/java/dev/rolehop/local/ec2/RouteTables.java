package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.CidrAssociation;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.Route;
import dev.rolehop.local.state.RouteTable;
import dev.rolehop.local.state.RouteTableAssociation;
import dev.rolehop.local.state.Vpc;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Ids;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * EC2 route tables and their associations: CreateRouteTable (with a local route per VPC block),
 * DeleteRouteTable, DescribeRouteTables, AssociateRouteTable (a subnet or a gateway),
 * DisassociateRouteTable and ReplaceRouteTableAssociation (which also moves the main table).
 * Routes themselves are {@link Routes}'.
 */
final class RouteTables {

    private static final Set<String> FILTERS = Set.of(
            "association.route-table-association-id",
            "association.route-table-id",
            "association.subnet-id",
            "association.gateway-id",
            "association.main",
            "owner-id",
            "route-table-id",
            "route.destination-cidr-block",
            "route.destination-ipv6-cidr-block",
            "route.destination-prefix-list-id",
            "route.gateway-id",
            "route.nat-gateway-id",
            "route.instance-id",
            "route.origin",
            "route.state",
            "vpc-id");

    private final WorldState state;
    private final Routes routes;
    private final Listing<RouteTable> listing;

    RouteTables(WorldState state, Routes routes) {
        this.state = state;
        this.routes = routes;
        this.listing = new Listing<>(
                "DescribeRouteTables",
                "routeTableSet",
                "RouteTableId",
                RouteTable.class,
                FILTERS,
                (t, f, r) -> field(t, f),
                RouteTables::notFound,
                (xml, table, tags, r, region) -> write(xml, "item", table, tags, r));
    }

    String create(ServiceCall call) {
        String vpcId = call.params().required("VpcId");
        Map<String, String> tags = TagSpecifications.forNew(call.params(), "route-table");
        String id = Ids.randomHex("rtb-");
        XmlWriter xml = Ec2Xml.start("CreateRouteTable", call.requestId());
        state.change(call.caller().accountId(), call.region(), r -> {
            Vpc v = Vpcs.find(r, vpcId);
            List<Route> local = v.cidrBlocks().stream()
                    .filter(CidrAssociation::associated)
                    .map(c -> new Route(c.cidrBlock(), "gatewayId", "local", "CreateRouteTable"))
                    .toList();
            RouteTable table = new RouteTable(id, vpcId, call.caller().accountId(), local, List.of());
            r.putResource(table);
            tags.forEach((k, t) -> r.tag(id, k, t));
            write(xml, "routeTable", table, tags, r);
            return null;
        });
        return Ec2Xml.end(xml, "CreateRouteTable");
    }

    String delete(ServiceCall call) {
        String id = call.params().required("RouteTableId");
        state.change(call.caller().accountId(), call.region(), r -> {
            if (!find(r, id).associations().isEmpty()) {
                throw Ec2Errors.dependencies("routeTable", id);
            }
            r.removeResource(id);
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("DeleteRouteTable", call.requestId()).element("return", true), "DeleteRouteTable");
    }

    String describe(ServiceCall call) {
        return listing.describe(call, state);
    }

    /** AssociateRouteTable: a subnet (at most one table each) or a gateway of the table's VPC. */
    String associate(ServiceCall call) {
        QueryParams p = call.params();
        String id = p.required("RouteTableId");
        Optional<String> subnetId = p.get("SubnetId");
        Optional<String> gatewayId = p.get("GatewayId");
        if (subnetId.isPresent() == gatewayId.isPresent()) {
            throw AwsErrorCode.INVALID_PARAMETER_COMBINATION.error(
                    "Exactly one of subnetId and gatewayId must be specified");
        }
        String associationId = Ids.randomHex("rtbassoc-");
        state.change(call.caller().accountId(), call.region(), r -> {
            RouteTable table = find(r, id);
            String vpcId;
            if (subnetId.isPresent()) {
                vpcId = Subnets.find(r, subnetId.get()).vpcId();
            } else {
                vpcId = InternetGateways.find(r, gatewayId.get()).vpcId();
            }
            String other = subnetId.orElseGet(gatewayId::orElseThrow);
            if (!table.vpcId().equals(vpcId)) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                        "route table " + id + " and " + (subnetId.isPresent() ? "subnet " : "network gateway ") + other
                                + " belong to different networks");
            }
            boolean taken = r.resources(RouteTable.class).stream()
                    .flatMap(t -> t.associations().stream())
                    .anyMatch(a -> other.equals(a.subnetId()) || other.equals(a.gatewayId()));
            if (taken) {
                throw AwsErrorCode.RESOURCE_ALREADY_ASSOCIATED.error(
                        "the specified association for route table " + id + " conflicts with an existing association");
            }
            r.putResource(table.withAssociation(
                    new RouteTableAssociation(associationId, subnetId.orElse(null), gatewayId.orElse(null), false)));
            return null;
        });
        return associated("AssociateRouteTable", call, "associationId", associationId);
    }

    String disassociate(ServiceCall call) {
        String id = call.params().required("AssociationId");
        state.change(call.caller().accountId(), call.region(), r -> {
            RouteTable table = owner(r, id);
            if (table.associations().stream().anyMatch(a -> a.id().equals(id) && a.main())) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                        "cannot disassociate the main route table association " + id);
            }
            r.putResource(table.withoutAssociation(id));
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("DisassociateRouteTable", call.requestId()).element("return", true),
                "DisassociateRouteTable");
    }

    /** ReplaceRouteTableAssociation: the association moves to another table of the VPC under a new id. */
    String replaceAssociation(ServiceCall call) {
        String id = call.params().required("AssociationId");
        String tableId = call.params().required("RouteTableId");
        String newId = Ids.randomHex("rtbassoc-");
        state.change(call.caller().accountId(), call.region(), r -> {
            RouteTable from = owner(r, id);
            RouteTable to = find(r, tableId);
            if (!from.vpcId().equals(to.vpcId())) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                        "route table " + tableId + " and association " + id + " belong to different networks");
            }
            RouteTableAssociation moved = from.associations().stream()
                    .filter(a -> a.id().equals(id))
                    .findFirst()
                    .orElseThrow();
            r.putResource(from.withoutAssociation(id));
            r.putResource(find(r, tableId)
                    .withAssociation(
                            new RouteTableAssociation(newId, moved.subnetId(), moved.gatewayId(), moved.main())));
            return null;
        });
        return associated("ReplaceRouteTableAssociation", call, "newAssociationId", newId);
    }

    /** The answer naming a new association, {@code associated} at once. */
    private static String associated(String action, ServiceCall call, String element, String associationId) {
        XmlWriter xml = Ec2Xml.start(action, call.requestId())
                .element(element, associationId)
                .open("associationState")
                .element("state", "associated")
                .close("associationState");
        return Ec2Xml.end(xml, action);
    }

    private void write(XmlWriter xml, String element, RouteTable t, Map<String, String> tags, RegionState r) {
        xml.open(element)
                .element("routeTableId", t.id())
                .element("vpcId", t.vpcId())
                .element("ownerId", t.ownerId())
                .open("routeSet");
        t.routes().forEach(route -> routes.write(xml, route, t, r));
        xml.close("routeSet").open("associationSet");
        for (RouteTableAssociation a : t.associations()) {
            xml.open("item")
                    .element("routeTableAssociationId", a.id())
                    .element("routeTableId", t.id())
                    .element("subnetId", a.subnetId())
                    .element("gatewayId", a.gatewayId())
                    .element("main", a.main())
                    .open("associationState")
                    .element("state", "associated")
                    .close("associationState")
                    .close("item");
        }
        xml.close("associationSet").open("propagatingVgwSet").close("propagatingVgwSet");
        Ec2Xml.tagSet(xml, tags);
        xml.close(element);
    }

    private static List<String> field(RouteTable t, String filter) {
        if (filter.startsWith("association.")) {
            return t.associations().stream()
                    .map(a -> switch (filter) {
                        case "association.route-table-association-id" -> a.id();
                        case "association.route-table-id" -> t.id();
                        case "association.subnet-id" -> a.subnetId();
                        case "association.gateway-id" -> a.gatewayId();
                        case "association.main" -> String.valueOf(a.main());
                        default -> null;
                    })
                    .toList();
        }
        if (filter.startsWith("route.")) {
            return t.routes().stream()
                    .map(route -> Routes.field(route, filter.substring("route.".length())))
                    .toList();
        }
        return switch (filter) {
            case "owner-id" -> List.of(t.ownerId());
            case "route-table-id" -> List.of(t.id());
            case "vpc-id" -> List.of(t.vpcId());
            default -> List.of();
        };
    }

    /** The table holding an association, or AWS's InvalidAssociationID.NotFound. */
    private static RouteTable owner(RegionState r, String associationId) {
        return r.resources(RouteTable.class).stream()
                .filter(t -> t.associations().stream().anyMatch(a -> a.id().equals(associationId)))
                .findFirst()
                .orElseThrow(() -> AwsErrorCode.INVALID_ASSOCIATION_ID_NOT_FOUND.error(
                        "The association ID '" + associationId + "' does not exist"));
    }

    /** The route table with this id, or AWS's InvalidRouteTableID.NotFound. */
    static RouteTable find(RegionState r, String id) {
        return r.resource(RouteTable.class, id).orElseThrow(() -> notFound(id));
    }

    static AwsException notFound(String id) {
        return Ec2Errors.notFound(AwsErrorCode.INVALID_ROUTE_TABLE_ID_NOT_FOUND, "routeTable", id);
    }
}
