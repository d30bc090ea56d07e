package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.Instance;
import dev.rolehop.local.state.InternetGateway;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.Route;
import dev.rolehop.local.state.RouteTable;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EC2 CreateRoute, ReplaceRoute and DeleteRoute: one destination (IPv4 or IPv6 CIDR block, or a
 * prefix list) and one target per route. Targets rolehop local holds are checked: an internet
 * gateway must be attached to the table's VPC, a NAT gateway must be in it, an instance must
 * exist; a route whose gateway has gone (or is being deleted) is described as {@code blackhole},
 * as on AWS.
 */
final class Routes {

    /** Request parameter of each target and the element naming it in a route. */
    private static final Map<String, String> TARGETS = targets();

    private static final List<String> DESTINATIONS =
            List.of("DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId");

    private final WorldState state;

    Routes(WorldState state) {
        this.state = state;
    }

    private static Map<String, String> targets() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("GatewayId", "gatewayId");
        m.put("NatGatewayId", "natGatewayId");
        m.put("InstanceId", "instanceId");
        m.put("NetworkInterfaceId", "networkInterfaceId");
        m.put("VpcPeeringConnectionId", "vpcPeeringConnectionId");
        m.put("TransitGatewayId", "transitGatewayId");
        m.put("EgressOnlyInternetGatewayId", "egressOnlyInternetGatewayId");
        m.put("CarrierGatewayId", "carrierGatewayId");
        m.put("LocalGatewayId", "localGatewayId");
        m.put("VpcEndpointId", "gatewayId");
        return m;
    }

    String create(ServiceCall call) {
        return change(call, "CreateRoute", (routes, at, wanted) -> {
            if (at >= 0) {
                throw AwsErrorCode.ROUTE_ALREADY_EXISTS.error(
                        "The route identified by " + wanted.destination() + " already exists.");
            }
            routes.add(wanted);
        });
    }

    String replace(ServiceCall call) {
        return change(call, "ReplaceRoute", (routes, at, wanted) -> {
            if (at < 0) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("There is no route defined for '"
                        + wanted.destination() + "' in the route table. Use CreateRoute instead.");
            }
            routes.set(at, wanted);
        });
    }

    String delete(ServiceCall call) {
        QueryParams p = call.params();
        String tableId = p.required("RouteTableId");
        String destination = destination(p);
        state.change(call.caller().accountId(), call.region(), r -> {
            RouteTable table = RouteTables.find(r, tableId);
            int at = indexOf(table.routes(), destination);
            if (at < 0) {
                throw AwsErrorCode.INVALID_ROUTE_NOT_FOUND.error("no route with destination-"
                        + (destination.contains(":") ? "ipv6-" : "") + "cidr-block " + destination
                        + " in route table " + tableId);
            }
            if (table.routes().get(at).local()) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                        "cannot remove local route " + destination + " in route table " + tableId);
            }
            List<Route> routes = new ArrayList<>(table.routes());
            routes.remove(at);
            r.putResource(table.withRoutes(routes));
            return null;
        });
        return Ec2Xml.end(Ec2Xml.start("DeleteRoute", call.requestId()).element("return", true), "DeleteRoute");
    }

    /** How a route change applies the wanted route, given the index of the same destination (or -1). */
    private interface Edit {
        void apply(List<Route> routes, int at, Route wanted);
    }

    private String change(ServiceCall call, String action, Edit edit) {
        QueryParams p = call.params();
        String tableId = p.required("RouteTableId");
        String destination = destination(p);
        List<String> given =
                TARGETS.keySet().stream().filter(k -> p.get(k).isPresent()).toList();
        if (given.size() != 1) {
            throw AwsErrorCode.INVALID_PARAMETER_COMBINATION.error(
                    given.isEmpty()
                            ? "The request must contain exactly one of gatewayId, natGatewayId, instanceId, "
                                    + "networkInterfaceId, vpcPeeringConnectionId, transitGatewayId, "
                                    + "egressOnlyInternetGatewayId, carrierGatewayId, localGatewayId, vpcEndpointId"
                            : "More than one target specified: " + String.join(", ", given));
        }
        String param = given.get(0);
        Route wanted = new Route(destination, TARGETS.get(param), p.required(param), "CreateRoute");
        state.change(call.caller().accountId(), call.region(), r -> {
            RouteTable table = RouteTables.find(r, tableId);
            checkTarget(r, table, wanted, call.caller().accountId(), call.region());
            List<Route> routes = new ArrayList<>(table.routes());
            int at = indexOf(routes, destination);
            if (at >= 0 && routes.get(at).local()) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                        "The route identified by " + destination + " is a local route and cannot be changed");
            }
            edit.apply(routes, at, wanted);
            r.putResource(table.withRoutes(routes));
            return null;
        });
        return Ec2Xml.end(Ec2Xml.start(action, call.requestId()).element("return", true), action);
    }

    /** The request's one destination, checked as a CIDR block where it is one. */
    private static String destination(QueryParams p) {
        List<String> given =
                DESTINATIONS.stream().filter(k -> p.get(k).isPresent()).toList();
        if (given.size() != 1) {
            throw AwsErrorCode.INVALID_PARAMETER_COMBINATION.error(
                    "The request must contain exactly one of destinationCidrBlock, destinationIpv6CidrBlock, "
                            + "destinationPrefixListId");
        }
        String name = given.get(0);
        String value = p.required(name);
        if (name.equals("DestinationPrefixListId")) {
            return value;
        }
        String parameter = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        Cidr cidr = Cidr.require(value, parameter);
        if (cidr.ipv6() != name.equals("DestinationIpv6CidrBlock")) {
            throw Ec2Errors.invalidValue(value, parameter, "This is not a valid CIDR block.");
        }
        return cidr.toString();
    }

    private void checkTarget(RegionState r, RouteTable table, Route route, String accountId, String region) {
        String id = route.targetId();
        switch (route.targetType()) {
            case "gatewayId" -> {
                if (!id.startsWith("igw-")) {
                    throw AwsErrorCode.INVALID_GATEWAY_ID_NOT_FOUND.error("The gateway ID '" + id + "' does not exist");
                }
                InternetGateway igw = InternetGateways.find(r, id);
                if (!table.vpcId().equals(igw.vpcId())) {
                    throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("route table " + table.id()
                            + " and network gateway " + id + " belong to different networks");
                }
            }
            case "instanceId" -> {
                if (r.resource(Instance.class, id).isEmpty()) {
                    throw AwsErrorCode.INVALID_INSTANCE_ID_NOT_FOUND.error(
                            "The instance ID '" + id + "' does not exist");
                }
            }
            case "natGatewayId" -> {
                if (!table.vpcId().equals(NatGateways.forRoute(r, id).vpcId())) {
                    throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                            "route table " + table.id() + " and NAT gateway " + id + " belong to different networks");
                }
            }
            default ->
                // Peering connections, transit, carrier and local gateways, endpoints and network
                // interfaces: rolehop local holds none, so any id names nothing.
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                        "The " + route.targetType() + " '" + id + "' does not exist");
        }
    }

    private static int indexOf(List<Route> routes, String destination) {
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).destination().equals(destination)) {
                return i;
            }
        }
        return -1;
    }

    /** Writes a route {@code <item>}; its state is {@code blackhole} when its gateway is gone, detached or deleted. */
    void write(XmlWriter xml, Route route, RouteTable table, RegionState r) {
        xml.open("item").element(destinationElement(route), route.destination());
        xml.element(route.targetType(), route.targetId());
        boolean active = switch (route.targetType()) {
            case "gatewayId" ->
                route.local()
                        || r.resource(InternetGateway.class, route.targetId())
                                .map(g -> table.vpcId().equals(g.vpcId()))
                                .orElse(false);
            case "natGatewayId" -> NatGateways.active(r, route.targetId());
            default -> true;
        };
        xml.element("state", active ? "active" : "blackhole")
                .element("origin", route.origin())
                .close("item");
    }

    private static String destinationElement(Route route) {
        if (route.destination().startsWith("pl-")) {
            return "destinationPrefixListId";
        }
        return route.destination().contains(":") ? "destinationIpv6CidrBlock" : "destinationCidrBlock";
    }

    /** A route's value for a {@code route.*} filter of DescribeRouteTables (without the prefix). */
    static String field(Route route, String name) {
        return switch (name) {
            case "destination-cidr-block" ->
                destinationElement(route).equals("destinationCidrBlock") ? route.destination() : null;
            case "destination-ipv6-cidr-block" ->
                destinationElement(route).equals("destinationIpv6CidrBlock") ? route.destination() : null;
            case "destination-prefix-list-id" -> route.destination().startsWith("pl-") ? route.destination() : null;
            case "gateway-id" -> route.targetType().equals("gatewayId") ? route.targetId() : null;
            case "nat-gateway-id" -> route.targetType().equals("natGatewayId") ? route.targetId() : null;
            case "instance-id" -> route.targetType().equals("instanceId") ? route.targetId() : null;
            case "origin" -> route.origin();
            case "state" -> "active";
            default -> null;
        };
    }
}
