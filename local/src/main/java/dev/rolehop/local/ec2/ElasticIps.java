package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.ElasticIp;
import dev.rolehop.local.state.Instance;
import dev.rolehop.local.state.NetworkInterface;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EC2 Elastic IP addresses: allocate (at most {@value #LIMIT} a region, EC2's default quota),
 * describe, associate with an instance or a network interface, disassociate, release. An address
 * associated with an instance's primary interface is that instance's public address.
 */
final class ElasticIps {

    /** EC2's default quota of Elastic IP addresses per region. */
    static final int LIMIT = 5;

    private static final Set<String> FILTERS = Set.of(
            "allocation-id",
            "association-id",
            "domain",
            "instance-id",
            "network-border-group",
            "network-interface-id",
            "network-interface-owner-id",
            "private-ip-address",
            "public-ip");

    private final WorldState state;
    private final InstanceLifecycle lifecycle;

    ElasticIps(WorldState state, InstanceLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    String allocate(ServiceCall call) {
        QueryParams p = call.params();
        String domain = p.get("Domain").orElse("vpc");
        if (!domain.equals("vpc") && !domain.equals("standard")) {
            throw Ec2Errors.invalidValue(domain, "domain", "Valid values are vpc and standard.");
        }
        p.get("NetworkBorderGroup").filter(g -> !g.equals(call.region())).ifPresent(g -> {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Network border group " + g + " is not valid.");
        });
        Map<String, String> tags = TagSpecifications.forNew(p, "elastic-ip");
        ElasticIp eip = new ElasticIp(
                Ids.randomHex("eipalloc-"),
                Addresses.nextPublic(),
                call.caller().accountId(),
                null,
                null,
                null,
                null);
        state.change(call.caller().accountId(), call.region(), r -> {
            if (r.resources(ElasticIp.class).size() >= LIMIT) {
                throw AwsErrorCode.ADDRESS_LIMIT_EXCEEDED.error();
            }
            r.putResource(eip);
            tags.forEach((k, v) -> r.tag(eip.id(), k, v));
            return null;
        });
        // EC2-Classic is retired: every address is a VPC address, whatever Domain asked.
        return Ec2Xml.end(
                Ec2Xml.start("AllocateAddress", call.requestId())
                        .element("publicIp", eip.publicIp())
                        .element("domain", "vpc")
                        .element("allocationId", eip.id())
                        .element("publicIpv4Pool", "amazon")
                        .element("networkBorderGroup", call.region()),
                "AllocateAddress");
    }

    String describe(ServiceCall call) {
        QueryParams p = call.params();
        Filters filters = Filters.parse(p, FILTERS);
        List<String> allocationIds = p.values("AllocationId");
        List<String> publicIps = p.values("PublicIp");
        XmlWriter xml = Ec2Xml.start("DescribeAddresses", call.requestId()).open("addressesSet");
        state.read(call.caller().accountId(), call.region(), r -> {
            allocationIds.forEach(id -> find(r, id));
            publicIps.forEach(ip -> byPublicIp(r, ip));
            for (ElasticIp eip : r.resources(ElasticIp.class)) {
                if ((allocationIds.isEmpty() || allocationIds.contains(eip.id()))
                        && (publicIps.isEmpty() || publicIps.contains(eip.publicIp()))
                        && filters.matches(f -> field(eip, f, call.region()), r.tags(eip.id()))) {
                    write(xml, eip, r.tags(eip.id()), call.region());
                }
            }
            return null;
        });
        xml.close("addressesSet");
        return Ec2Xml.end(xml, "DescribeAddresses");
    }

    String associate(ServiceCall call) {
        QueryParams p = call.params();
        boolean reassociate =
                p.get("AllowReassociation").map(Boolean::parseBoolean).orElse(false);
        Instant now = call.now();
        String associationId = state.change(call.caller().accountId(), call.region(), r -> {
            ElasticIp eip = addressOf(r, p);
            NetworkInterface target = target(r, p, now);
            String privateIp = p.get("PrivateIpAddress").orElse(target.privateIp());
            if (!target.privateIps().contains(privateIp)) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("The specified private IP address " + privateIp
                        + " is not associated with the network interface " + target.id() + ".");
            }
            // A NAT gateway keeps its address until the gateway is deleted.
            if (eip.associated() && (!reassociate || isNatInterface(r, eip.networkInterfaceId()))) {
                throw AwsErrorCode.RESOURCE_ALREADY_ASSOCIATED.error(
                        "resource " + eip.id() + " is already associated with associate-id " + eip.associationId());
            }
            // Another address on the same private address gives way, as EC2 does for instances.
            r.resources(ElasticIp.class).stream()
                    .filter(o -> !o.id().equals(eip.id())
                            && target.id().equals(o.networkInterfaceId())
                            && privateIp.equals(o.privateIp()))
                    .forEach(o -> r.putResource(o.withAssociation(null, null, null, null)));
            String id = Ids.randomHex("eipassoc-");
            String instanceId =
                    target.attachment() == null ? null : target.attachment().instanceId();
            r.putResource(eip.withAssociation(id, target.id(), privateIp, instanceId));
            return id;
        });
        return Ec2Xml.end(
                Ec2Xml.start("AssociateAddress", call.requestId())
                        .element("return", true)
                        .element("associationId", associationId),
                "AssociateAddress");
    }

    String disassociate(ServiceCall call) {
        QueryParams p = call.params();
        state.change(call.caller().accountId(), call.region(), r -> {
            ElasticIp eip;
            if (p.get("AssociationId").isPresent()) {
                String id = p.required("AssociationId");
                eip = r.resources(ElasticIp.class).stream()
                        .filter(e -> id.equals(e.associationId()))
                        .findFirst()
                        .orElseThrow(() -> AwsErrorCode.INVALID_ASSOCIATION_ID_NOT_FOUND.error(
                                "The association ID '" + id + "' does not exist"));
            } else {
                eip = byPublicIp(
                        r,
                        p.get("PublicIp")
                                .orElseThrow(() -> AwsErrorCode.MISSING_PARAMETER.error(
                                        "Either public IP or association id must be specified")));
                if (!eip.associated()) {
                    throw AwsErrorCode.INVALID_ASSOCIATION_ID_NOT_FOUND.error(
                            "The address " + eip.publicIp() + " is not associated");
                }
            }
            if (isNatInterface(r, eip.networkInterfaceId())) {
                throw AwsErrorCode.OPERATION_NOT_PERMITTED.error(
                        "You are not allowed to disassociate the address of a NAT gateway; delete the NAT gateway.");
            }
            r.putResource(eip.withAssociation(null, null, null, null));
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("DisassociateAddress", call.requestId()).element("return", true), "DisassociateAddress");
    }

    String release(ServiceCall call) {
        QueryParams p = call.params();
        state.change(call.caller().accountId(), call.region(), r -> {
            ElasticIp eip = addressOf(r, p);
            if (eip.associated()) {
                throw AwsErrorCode.INVALID_IP_ADDRESS_IN_USE.error("Address " + eip.publicIp() + " is in use.");
            }
            r.removeResource(eip.id());
            return null;
        });
        return Ec2Xml.end(Ec2Xml.start("ReleaseAddress", call.requestId()).element("return", true), "ReleaseAddress");
    }

    /**
     * An instance as callers see it: with the Elastic IP address of its primary interface's
     * private address as its public address, while one is associated.
     */
    static Instance shown(RegionState r, Instance i) {
        return r.resources(ElasticIp.class).stream()
                .filter(e -> i.networkInterfaceId().equals(e.networkInterfaceId())
                        && i.privateIp().equals(e.privateIp()))
                .findFirst()
                .map(e -> i.withLaunch(i.launchTime(), e.publicIp()))
                .orElse(i);
    }

    /** Disassociates every address from an interface (it is deleted, or its instance terminated). */
    static void disassociateAll(RegionState r, String interfaceId) {
        r.resources(ElasticIp.class).stream()
                .filter(e -> interfaceId.equals(e.networkInterfaceId()))
                .forEach(e -> r.putResource(e.withAssociation(null, null, null, null)));
    }

    /** Keeps the instance of an interface's addresses in step with its attachment (null: detached). */
    static void followAttachment(RegionState r, String interfaceId, String instanceId) {
        r.resources(ElasticIp.class).stream()
                .filter(e -> interfaceId.equals(e.networkInterfaceId()))
                .forEach(e -> r.putResource(
                        e.withAssociation(e.associationId(), e.networkInterfaceId(), e.privateIp(), instanceId)));
    }

    /** The address a request names by AllocationId, or by PublicIp. */
    private static ElasticIp addressOf(RegionState r, QueryParams p) {
        if (p.get("AllocationId").isPresent()) {
            return find(r, p.required("AllocationId"));
        }
        return byPublicIp(
                r,
                p.get("PublicIp")
                        .orElseThrow(() -> AwsErrorCode.MISSING_PARAMETER.error(
                                "Either public IP or allocation id must be specified")));
    }

    /** The interface an association points at: the one named, or the instance's only one. */
    private NetworkInterface target(RegionState r, QueryParams p, Instant now) {
        String instanceId = p.get("InstanceId").orElse(null);
        String interfaceId = p.get("NetworkInterfaceId").orElse(null);
        if (instanceId == null && interfaceId == null) {
            throw AwsErrorCode.MISSING_PARAMETER.error("Either instance ID or network interface ID must be specified");
        }
        if (interfaceId != null) {
            NetworkInterface n = Interfaces.find(r, lifecycle, now, interfaceId);
            if (instanceId != null
                    && (n.attachment() == null || !n.attachment().instanceId().equals(instanceId))) {
                throw AwsErrorCode.INVALID_PARAMETER_COMBINATION.error(
                        "The network interface " + interfaceId + " is not attached to instance " + instanceId);
            }
            return n;
        }
        Instance instance =
                Instances.visible(r, lifecycle, now, List.of(instanceId)).get(0);
        String seen = lifecycle.state(instance, now);
        if (!seen.equals("running") && !seen.equals("stopped") && !seen.equals("stopping")) {
            throw AwsErrorCode.INCORRECT_INSTANCE_STATE.error(
                    "The " + seen + " instance '" + instanceId + "' is not in a valid state for this operation.");
        }
        List<NetworkInterface> attached = Interfaces.of(r, instance);
        if (attached.size() > 1) {
            throw AwsErrorCode.INVALID_INSTANCE_ID.error("There are multiple interfaces attached to instance '"
                    + instanceId + "'. Please specify an interface ID for the operation instead.");
        }
        return attached.get(0);
    }

    private static boolean isNatInterface(RegionState r, String interfaceId) {
        return interfaceId != null
                && r.resource(NetworkInterface.class, interfaceId)
                        .map(n -> n.interfaceType().equals("nat_gateway"))
                        .orElse(false);
    }

    /** The address with this allocation id, or AWS's InvalidAllocationID.NotFound. */
    static ElasticIp find(RegionState r, String allocationId) {
        return r.resource(ElasticIp.class, allocationId).orElseThrow(() -> notFound(allocationId));
    }

    private static ElasticIp byPublicIp(RegionState r, String ip) {
        return r.resources(ElasticIp.class).stream()
                .filter(e -> e.publicIp().equals(ip))
                .findFirst()
                .orElseThrow(() -> AwsErrorCode.INVALID_ADDRESS_NOT_FOUND.error("Address '" + ip + "' not found."));
    }

    static AwsException notFound(String allocationId) {
        return Ec2Errors.notFound(AwsErrorCode.INVALID_ALLOCATION_ID_NOT_FOUND, "allocation", allocationId);
    }

    private static void write(XmlWriter xml, ElasticIp eip, Map<String, String> tags, String region) {
        xml.open("item")
                .element("publicIp", eip.publicIp())
                .element("allocationId", eip.id())
                .element("domain", "vpc")
                .element("instanceId", eip.instanceId())
                .element("associationId", eip.associationId())
                .element("networkInterfaceId", eip.networkInterfaceId())
                .element("networkInterfaceOwnerId", eip.associated() ? eip.ownerId() : null)
                .element("privateIpAddress", eip.privateIp());
        Ec2Xml.tagSet(xml, tags);
        xml.element("publicIpv4Pool", "amazon")
                .element("networkBorderGroup", region)
                .close("item");
    }

    private static List<String> field(ElasticIp eip, String filter, String region) {
        String value = switch (filter) {
            case "allocation-id" -> eip.id();
            case "association-id" -> eip.associationId();
            case "domain" -> "vpc";
            case "instance-id" -> eip.instanceId();
            case "network-border-group" -> region;
            case "network-interface-id" -> eip.networkInterfaceId();
            case "network-interface-owner-id" -> eip.associated() ? eip.ownerId() : null;
            case "private-ip-address" -> eip.privateIp();
            case "public-ip" -> eip.publicIp();
            default -> null;
        };
        return value == null ? List.of() : List.of(value);
    }
}
