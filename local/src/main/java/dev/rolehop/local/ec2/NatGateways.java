package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.ElasticIp;
import dev.rolehop.local.state.InternetGateway;
import dev.rolehop.local.state.NatGateway;
import dev.rolehop.local.state.NetworkInterface;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.Subnet;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * EC2 NAT gateways: create (public with an Elastic IP address, or private; a token makes the call
 * idempotent), describe, delete. A gateway is pending, then available, on the service clock; a
 * deleted one is still listed {@code deleted} for a while, as on AWS. A public gateway in a VPC
 * without an internet gateway fails, as on AWS ({@code Gateway.NotAttached}).
 */
final class NatGateways {

    private static final Map<String, String> SETTLES_AS = Map.of("pending", "available", "deleting", "deleted");

    private static final Set<String> FILTERS = Set.of("nat-gateway-id", "state", "subnet-id", "vpc-id");

    private final WorldState state;
    private final InstanceLifecycle lifecycle;

    NatGateways(WorldState state, InstanceLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    String create(ServiceCall call) {
        QueryParams p = call.params();
        String subnetId = p.required("SubnetId");
        String type = p.get("ConnectivityType").orElse("public");
        if (!type.equals("public") && !type.equals("private")) {
            throw Ec2Errors.invalidValue(type, "ConnectivityType", "Valid values are public and private.");
        }
        String allocationId = p.get("AllocationId").orElse(null);
        if (type.equals("public") && allocationId == null) {
            throw AwsErrorCode.MISSING_PARAMETER.error("The request must contain the parameter AllocationId");
        }
        if (type.equals("private") && allocationId != null) {
            throw AwsErrorCode.INVALID_PARAMETER_COMBINATION.error(
                    "AllocationId cannot be specified for a private NAT gateway.");
        }
        String token = p.get("ClientToken").orElse(null);
        Map<String, String> tags = TagSpecifications.forNew(p, "natgateway");
        Instant now = call.now();
        XmlWriter xml = Ec2Xml.start("CreateNatGateway", call.requestId()).element("clientToken", token);
        state.change(call.caller().accountId(), call.region(), r -> {
            NatGateway earlier = token == null
                    ? null
                    : r.resources(NatGateway.class).stream()
                            .filter(g -> token.equals(g.clientToken()))
                            .findFirst()
                            .orElse(null);
            if (earlier != null) {
                if (!earlier.subnetId().equals(subnetId) || !Objects.equals(earlier.allocationId(), allocationId)) {
                    throw AwsErrorCode.IDEMPOTENT_PARAMETER_MISMATCH.error(
                            "The client token you have provided is associated with a resource that is already"
                                    + " deleted or has different parameters. Please use a different client token.");
                }
                write(xml, "natGateway", earlier, seen(earlier, now), r.tags(earlier.id()));
                return null;
            }
            Subnet subnet = Subnets.find(r, subnetId);
            ElasticIp eip = allocationId == null ? null : ElasticIps.find(r, allocationId);
            if (eip != null && eip.associated()) {
                throw AwsErrorCode.RESOURCE_ALREADY_ASSOCIATED.error(
                        "Elastic IP address [" + allocationId + "] is already associated");
            }
            String id = Ids.randomHex("nat-");
            boolean routable = type.equals("private")
                    || r.resources(InternetGateway.class).stream()
                            .anyMatch(g -> subnet.vpcId().equals(g.vpcId()));
            NatGateway gateway;
            if (routable) {
                String ip = p.get("PrivateIpAddress")
                        .map(a -> Addresses.requestedPrivate(
                                a, subnet.cidrBlock(), Interfaces.usedAddresses(r, lifecycle, now, subnetId)))
                        .orElseGet(() -> Addresses.nextPrivate(
                                subnet.cidrBlock(), Interfaces.usedAddresses(r, lifecycle, now, subnetId)));
                NetworkInterface eni = new NetworkInterface(
                        Ids.randomHex("eni-"),
                        call.caller().accountId(),
                        subnet.id(),
                        subnet.vpcId(),
                        subnet.availabilityZone(),
                        "Interface for NAT Gateway " + id,
                        RunInstances.mac(),
                        List.of(ip),
                        List.of(),
                        false,
                        "nat_gateway",
                        null);
                r.putResource(eni);
                if (eip != null) {
                    r.putResource(eip.withAssociation(Ids.randomHex("eipassoc-"), eni.id(), ip, null));
                }
                gateway = new NatGateway(
                        id,
                        call.caller().accountId(),
                        subnet.id(),
                        subnet.vpcId(),
                        type,
                        allocationId,
                        eip == null ? null : eip.publicIp(),
                        eni.id(),
                        ip,
                        token,
                        now,
                        null,
                        "pending",
                        now,
                        null,
                        null);
            } else {
                // AWS accepts the request and the gateway fails: its VPC cannot reach the internet.
                gateway = new NatGateway(
                        id,
                        call.caller().accountId(),
                        subnet.id(),
                        subnet.vpcId(),
                        type,
                        allocationId,
                        null,
                        null,
                        null,
                        token,
                        now,
                        null,
                        "failed",
                        now,
                        "Gateway.NotAttached",
                        "Network " + subnet.vpcId() + " has no Internet gateway attached");
            }
            r.putResource(gateway);
            tags.forEach((k, v) -> r.tag(id, k, v));
            write(xml, "natGateway", gateway, gateway.state(), tags);
            return null;
        });
        return Ec2Xml.end(xml, "CreateNatGateway");
    }

    String describe(ServiceCall call) {
        QueryParams p = call.params();
        Filters filters = Filters.parse(p, FILTERS);
        List<String> ids = p.values("NatGatewayId");
        Instant now = call.now();
        XmlWriter xml = Ec2Xml.start("DescribeNatGateways", call.requestId()).open("natGatewaySet");
        String next = state.read(call.caller().accountId(), call.region(), r -> {
            List<NatGateway> listed = r.resources(NatGateway.class).stream()
                    .filter(g -> listed(g, now))
                    .toList();
            for (String id : ids) {
                if (listed.stream().noneMatch(g -> g.id().equals(id))) {
                    throw notFound(id);
                }
            }
            List<NatGateway> selected = listed.stream()
                    .filter(g -> ids.isEmpty() || ids.contains(g.id()))
                    .filter(g -> filters.matches(f -> field(g, f, now), r.tags(g.id())))
                    .toList();
            Pages.Page<NatGateway> page = Pages.of(p, selected);
            page.items().forEach(g -> write(xml, "item", g, seen(g, now), r.tags(g.id())));
            return page.nextToken();
        });
        xml.close("natGatewaySet").element("nextToken", next);
        return Ec2Xml.end(xml, "DescribeNatGateways");
    }

    String delete(ServiceCall call) {
        String id = call.params().required("NatGatewayId");
        Instant now = call.now();
        state.change(call.caller().accountId(), call.region(), r -> {
            NatGateway g =
                    r.resource(NatGateway.class, id).filter(x -> listed(x, now)).orElseThrow(() -> notFound(id));
            if (g.state().equals("deleting")) {
                return null;
            }
            // Its address and interface go with it (on AWS, by the time it is deleted).
            if (g.networkInterfaceId() != null) {
                ElasticIps.disassociateAll(r, g.networkInterfaceId());
                r.removeResource(g.networkInterfaceId());
            }
            r.putResource(g.deleting(now));
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("DeleteNatGateway", call.requestId()).element("natGatewayId", id), "DeleteNatGateway");
    }

    /** The state a caller sees now. */
    private String seen(NatGateway g, Instant now) {
        return lifecycle.settled(g.state(), g.stateSince(), now, SETTLES_AS);
    }

    /** Whether a gateway is still listed: deleted (and failed) ones go after a while. */
    private boolean listed(NatGateway g, Instant now) {
        String seen = seen(g, now);
        if (seen.equals("deleted")) {
            return lifecycle.stillListed(lifecycle.settlesAt(g.stateSince()), now);
        }
        return !seen.equals("failed") || lifecycle.stillListed(g.stateSince(), now);
    }

    /** Whether a route to this gateway carries traffic: it is pending or available, not failed or deleted. */
    static boolean active(RegionState r, String id) {
        return r.resource(NatGateway.class, id)
                .map(g -> g.state().equals("pending"))
                .orElse(false);
    }

    /** The gateway with this id, for a route: AWS's InvalidNatGatewayID.NotFound when it is not there. */
    static NatGateway forRoute(RegionState r, String id) {
        return r.resource(NatGateway.class, id)
                .filter(g -> !g.state().equals("deleting") && !g.state().equals("failed"))
                .orElseThrow(() -> Ec2Errors.notFound(AwsErrorCode.INVALID_NAT_GATEWAY_ID_NOT_FOUND, "natGateway", id));
    }

    static AwsException notFound(String id) {
        return AwsErrorCode.NAT_GATEWAY_NOT_FOUND.error("NAT gateway " + id + " was not found");
    }

    private static void write(XmlWriter xml, String element, NatGateway g, String seen, Map<String, String> tags) {
        xml.open(element)
                .element("createTime", Ec2Xml.time(g.createTime()))
                .element("deleteTime", g.deleteTime() == null ? null : Ec2Xml.time(g.deleteTime()))
                .element("failureCode", g.failureCode())
                .element("failureMessage", g.failureMessage())
                .open("natGatewayAddressSet");
        if (g.privateIp() != null) {
            xml.open("item")
                    .element("allocationId", g.allocationId())
                    .element("networkInterfaceId", g.networkInterfaceId())
                    .element("privateIp", g.privateIp())
                    .element("publicIp", g.publicIp())
                    .element("isPrimary", true)
                    .element(
                            "status",
                            seen.equals("deleted") || seen.equals("deleting") ? "disassociating" : "succeeded")
                    .close("item");
        }
        xml.close("natGatewayAddressSet")
                .element("natGatewayId", g.id())
                .element("state", seen)
                .element("subnetId", g.subnetId())
                .element("vpcId", g.vpcId());
        Ec2Xml.tagSet(xml, tags);
        xml.element("connectivityType", g.connectivityType()).close(element);
    }

    private List<String> field(NatGateway g, String filter, Instant now) {
        return switch (filter) {
            case "nat-gateway-id" -> List.of(g.id());
            case "state" -> List.of(seen(g, now));
            case "subnet-id" -> List.of(g.subnetId());
            case "vpc-id" -> List.of(g.vpcId());
            default -> List.of();
        };
    }
}
