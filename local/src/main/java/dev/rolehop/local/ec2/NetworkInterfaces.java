package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.ElasticIp;
import dev.rolehop.local.state.Instance;
import dev.rolehop.local.state.NetworkInterface;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.Subnet;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EC2 CreateNetworkInterface, DeleteNetworkInterface and DescribeNetworkInterfaces. Interfaces
 * are available (or in use) at once: they have no passing state here.
 */
final class NetworkInterfaces {

    private static final Set<String> FILTERS = Set.of(
            "network-interface-id",
            "subnet-id",
            "vpc-id",
            "availability-zone",
            "description",
            "status",
            "owner-id",
            "mac-address",
            "interface-type",
            "requester-managed",
            "source-dest-check",
            "private-ip-address",
            "addresses.private-ip-address",
            "addresses.primary",
            "private-dns-name",
            "group-id",
            "group-name",
            "attachment.attachment-id",
            "attachment.instance-id",
            "attachment.instance-owner-id",
            "attachment.device-index",
            "attachment.status",
            "attachment.delete-on-termination",
            "association.public-ip",
            "association.allocation-id",
            "association.association-id");

    private final WorldState state;
    private final InstanceLifecycle lifecycle;

    NetworkInterfaces(WorldState state, InstanceLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    String create(ServiceCall call) {
        QueryParams p = call.params();
        String subnetId = p.required("SubnetId");
        Map<String, String> tags = TagSpecifications.forNew(p, "network-interface");
        Instant now = call.now();
        XmlWriter xml = Ec2Xml.start("CreateNetworkInterface", call.requestId());
        state.change(call.caller().accountId(), call.region(), r -> {
            Subnet subnet = Subnets.find(r, subnetId);
            List<String> groups = RunInstances.groups(r, p.values("SecurityGroupId"), List.of(), subnet);
            NetworkInterface n = new NetworkInterface(
                    Ids.randomHex("eni-"),
                    call.caller().accountId(),
                    subnet.id(),
                    subnet.vpcId(),
                    subnet.availabilityZone(),
                    p.get("Description").orElse(""),
                    RunInstances.mac(),
                    addresses(r, p, subnet, now),
                    groups,
                    true,
                    "interface",
                    null);
            r.putResource(n);
            tags.forEach((k, v) -> r.tag(n.id(), k, v));
            // Like RunInstances, the answer shows the passing state; every later call sees it available.
            write(xml, "networkInterface", n, "pending", tags, r, call.region());
            return null;
        });
        return Ec2Xml.end(xml, "CreateNetworkInterface");
    }

    /** The new interface's private addresses: those asked for (the primary one first), then a count of free ones. */
    private List<String> addresses(RegionState r, QueryParams p, Subnet subnet, Instant now) {
        Set<String> used = Interfaces.usedAddresses(r, lifecycle, now, subnet.id());
        List<String> asked = new ArrayList<>();
        p.get("PrivateIpAddress").ifPresent(asked::add);
        for (QueryParams a : p.members("PrivateIpAddresses")) {
            String ip = a.required("PrivateIpAddress");
            if (Boolean.parseBoolean(a.get("Primary").orElse("false"))) {
                asked.add(0, ip);
            } else if (!asked.contains(ip)) {
                asked.add(ip);
            }
        }
        List<String> out = new ArrayList<>();
        for (String ip : asked.stream().distinct().toList()) {
            out.add(Addresses.requestedPrivate(ip, subnet.cidrBlock(), used));
            used.add(ip);
        }
        int count = out.isEmpty() ? 1 : 0;
        count += Integer.parseInt(p.get("SecondaryPrivateIpAddressCount").orElse("0"));
        for (int i = 0; i < count; i++) {
            String ip = Addresses.nextPrivate(subnet.cidrBlock(), used);
            out.add(ip);
            used.add(ip);
        }
        return out;
    }

    String delete(ServiceCall call) {
        String id = call.params().required("NetworkInterfaceId");
        Instant now = call.now();
        state.change(call.caller().accountId(), call.region(), r -> {
            NetworkInterface n = Interfaces.find(r, lifecycle, now, id);
            if (n.attachment() != null || n.interfaceType().equals("nat_gateway")) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Network interface '" + id + "' is currently in use.");
            }
            ElasticIps.disassociateAll(r, id);
            r.removeResource(id);
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("DeleteNetworkInterface", call.requestId()).element("return", true),
                "DeleteNetworkInterface");
    }

    String describe(ServiceCall call) {
        QueryParams p = call.params();
        Filters filters = Filters.parse(p, FILTERS);
        List<String> ids = p.values("NetworkInterfaceId");
        Instant now = call.now();
        XmlWriter xml =
                Ec2Xml.start("DescribeNetworkInterfaces", call.requestId()).open("networkInterfaceSet");
        String next = state.read(call.caller().accountId(), call.region(), r -> {
            List<NetworkInterface> all = Interfaces.all(r, lifecycle, now);
            for (String id : ids) {
                if (all.stream().noneMatch(n -> n.id().equals(id))) {
                    throw Interfaces.notFound(id);
                }
            }
            Map<String, String> names = Instances.groupNames(r);
            List<NetworkInterface> selected = all.stream()
                    .filter(n -> ids.isEmpty() || ids.contains(n.id()))
                    .filter(n -> filters.matches(f -> field(n, f, r, names, call.region()), r.tags(n.id())))
                    .toList();
            Pages.Page<NetworkInterface> page = Pages.of(p, selected);
            page.items().forEach(n -> write(xml, "item", n, status(n), r.tags(n.id()), r, call.region()));
            return page.nextToken();
        });
        xml.close("networkInterfaceSet").element("nextToken", next);
        return Ec2Xml.end(xml, "DescribeNetworkInterfaces");
    }

    /** {@code in-use} while attached (or a NAT gateway's), else {@code available}. */
    static String status(NetworkInterface n) {
        return n.attachment() != null || n.interfaceType().equals("nat_gateway") ? "in-use" : "available";
    }

    /** The public address of one of an interface's private addresses: an Elastic IP, or an instance's own. */
    private static PublicAddress publicAddress(RegionState r, NetworkInterface n, String privateIp) {
        for (ElasticIp e : r.resources(ElasticIp.class)) {
            if (n.id().equals(e.networkInterfaceId()) && privateIp.equals(e.privateIp())) {
                return new PublicAddress(e.publicIp(), e.ownerId(), e.id(), e.associationId());
            }
        }
        return Interfaces.primaryOf(r, n.id())
                .filter(i -> i.publicIp() != null && privateIp.equals(i.privateIp()))
                .map(i -> new PublicAddress(i.publicIp(), "amazon", null, null))
                .orElse(null);
    }

    private record PublicAddress(String ip, String owner, String allocationId, String associationId) {}

    private static void write(
            XmlWriter xml,
            String element,
            NetworkInterface n,
            String status,
            Map<String, String> tags,
            RegionState r,
            String region) {
        xml.open(element)
                .element("networkInterfaceId", n.id())
                .element("subnetId", n.subnetId())
                .element("vpcId", n.vpcId())
                .element("availabilityZone", n.availabilityZone())
                .element("description", n.description())
                .element("ownerId", n.ownerId())
                .element("requesterManaged", n.interfaceType().equals("nat_gateway"))
                .element("status", status)
                .element("macAddress", n.macAddress())
                .element("privateIpAddress", n.privateIp())
                .element("privateDnsName", InstanceXml.privateDns(n.privateIp(), region))
                .element("sourceDestCheck", n.sourceDestCheck())
                .open("groupSet");
        Map<String, String> names = Instances.groupNames(r);
        for (String g : n.groupIds()) {
            xml.open("item")
                    .element("groupId", g)
                    .element("groupName", names.get(g))
                    .close("item");
        }
        xml.close("groupSet");
        if (n.attachment() != null) {
            NetworkInterface.Attachment a = n.attachment();
            xml.open("attachment")
                    .element("attachmentId", a.attachmentId())
                    .element("instanceId", a.instanceId())
                    .element("instanceOwnerId", n.ownerId())
                    .element("deviceIndex", a.deviceIndex())
                    .element("networkCardIndex", 0)
                    .element("status", "attached")
                    .element("attachTime", Ec2Xml.time(a.attachTime()))
                    .element("deleteOnTermination", a.deleteOnTermination())
                    .close("attachment");
        }
        association(xml, publicAddress(r, n, n.privateIp()), region);
        Ec2Xml.tagSet(xml, tags);
        xml.open("privateIpAddressesSet");
        for (String ip : n.privateIps()) {
            xml.open("item")
                    .element("privateIpAddress", ip)
                    .element("privateDnsName", InstanceXml.privateDns(ip, region))
                    .element("primary", ip.equals(n.privateIp()));
            association(xml, publicAddress(r, n, ip), region);
            xml.close("item");
        }
        xml.close("privateIpAddressesSet")
                .open("ipv6AddressesSet")
                .close("ipv6AddressesSet")
                .element("interfaceType", n.interfaceType())
                .close(element);
    }

    private static void association(XmlWriter xml, PublicAddress a, String region) {
        if (a != null) {
            xml.open("association")
                    .element("publicIp", a.ip())
                    .element("publicDnsName", InstanceXml.publicDns(a.ip(), region))
                    .element("ipOwnerId", a.owner())
                    .element("allocationId", a.allocationId())
                    .element("associationId", a.associationId())
                    .close("association");
        }
    }

    private static List<String> field(
            NetworkInterface n, String filter, RegionState r, Map<String, String> names, String region) {
        NetworkInterface.Attachment a = n.attachment();
        PublicAddress pub = publicAddress(r, n, n.privateIp());
        Object value = switch (filter) {
            case "network-interface-id" -> n.id();
            case "subnet-id" -> n.subnetId();
            case "vpc-id" -> n.vpcId();
            case "availability-zone" -> n.availabilityZone();
            case "description" -> n.description();
            case "status" -> status(n);
            case "owner-id" -> n.ownerId();
            case "mac-address" -> n.macAddress();
            case "interface-type" -> n.interfaceType();
            case "requester-managed" -> n.interfaceType().equals("nat_gateway");
            case "source-dest-check" -> n.sourceDestCheck();
            case "private-ip-address", "addresses.private-ip-address" -> n.privateIps();
            case "addresses.primary" ->
                n.privateIps().stream()
                        .map(ip -> String.valueOf(ip.equals(n.privateIp())))
                        .toList();
            case "private-dns-name" -> InstanceXml.privateDns(n.privateIp(), region);
            case "group-id" -> n.groupIds();
            case "group-name" -> n.groupIds().stream().map(names::get).toList();
            case "attachment.attachment-id" -> a == null ? null : a.attachmentId();
            case "attachment.instance-id" -> a == null ? null : a.instanceId();
            case "attachment.instance-owner-id" -> a == null ? null : n.ownerId();
            case "attachment.device-index" -> a == null ? null : a.deviceIndex();
            case "attachment.status" -> a == null ? null : "attached";
            case "attachment.delete-on-termination" -> a == null ? null : a.deleteOnTermination();
            case "association.public-ip" -> pub == null ? null : pub.ip();
            case "association.allocation-id" -> pub == null ? null : pub.allocationId();
            case "association.association-id" -> pub == null ? null : pub.associationId();
            default -> null;
        };
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    /**
     * Lets go of what a terminated instance held: its addresses' associations, and its attached
     * interfaces, deleted when they are to be deleted on termination, else detached.
     */
    static void released(RegionState r, Instance instance) {
        ElasticIps.disassociateAll(r, instance.networkInterfaceId());
        for (NetworkInterface n : r.resources(NetworkInterface.class)) {
            if (n.attachment() != null && n.attachment().instanceId().equals(instance.id())) {
                if (n.attachment().deleteOnTermination()) {
                    ElasticIps.disassociateAll(r, n.id());
                    r.removeResource(n.id());
                } else {
                    r.putResource(n.withAttachment(null));
                }
            }
        }
    }
}
