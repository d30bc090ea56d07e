package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.BlockDevice;
import dev.rolehop.local.state.Instance;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EC2 DescribeInstances (instances grouped into their reservations, filters, pages) and
 * DescribeInstanceStatus, over the instances of the caller's account and region as the clock
 * sees them.
 */
final class Instances {

    private static final Set<String> FILTERS = Set.of(
            "instance-id",
            "instance-state-name",
            "instance-state-code",
            "instance-type",
            "vpc-id",
            "subnet-id",
            "image-id",
            "availability-zone",
            "private-ip-address",
            "ip-address",
            "private-dns-name",
            "owner-id",
            "reservation-id",
            "key-name",
            "architecture",
            "client-token",
            "launch-index",
            "tenancy",
            "monitoring-state",
            "root-device-name",
            "root-device-type",
            "iam-instance-profile.arn",
            "instance.group-id",
            "instance.group-name",
            "group-id",
            "group-name",
            "block-device-mapping.device-name",
            "block-device-mapping.volume-id",
            "network-interface.network-interface-id",
            "network-interface.subnet-id",
            "network-interface.vpc-id",
            "network-interface.addresses.private-ip-address");
    private static final Set<String> STATUS_FILTERS = Set.of(
            "availability-zone",
            "instance-state-name",
            "instance-state-code",
            "instance-status.status",
            "system-status.status");

    private final WorldState state;
    private final InstanceLifecycle lifecycle;

    Instances(WorldState state, InstanceLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    /** The instances a caller sees now, or EC2's error for ids that are malformed or not there. */
    static List<Instance> visible(RegionState r, InstanceLifecycle lifecycle, Instant now, List<String> ids) {
        List<Instance> all = r.resources(Instance.class).stream()
                .filter(i -> lifecycle.visible(i, now))
                .toList();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (!id.matches("i-[0-9a-f]{8,17}")) {
                throw AwsErrorCode.INVALID_INSTANCE_ID_MALFORMED.error("Invalid id: \"" + id + "\"");
            }
            if (all.stream().noneMatch(i -> i.id().equals(id))) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            throw notFound(missing);
        }
        return ids.isEmpty()
                ? all
                : all.stream().filter(i -> ids.contains(i.id())).toList();
    }

    static AwsException notFound(List<String> ids) {
        return ids.size() == 1
                ? AwsErrorCode.INVALID_INSTANCE_ID_NOT_FOUND.error(
                        "The instance ID '" + ids.get(0) + "' does not exist")
                : AwsErrorCode.INVALID_INSTANCE_ID_NOT_FOUND.error(
                        "The instance IDs '" + String.join(", ", ids) + "' do not exist");
    }

    String describe(ServiceCall call) {
        QueryParams p = call.params();
        Filters filters = Filters.parse(p, FILTERS);
        List<String> ids = p.values("InstanceId");
        if (!ids.isEmpty() && p.get("MaxResults").isPresent()) {
            throw AwsErrorCode.INVALID_PARAMETER_COMBINATION.error(
                    "The parameter instancesSet cannot be used with the parameter maxResults");
        }
        Instant now = call.now();
        XmlWriter xml = Ec2Xml.start("DescribeInstances", call.requestId()).open("reservationSet");
        String next = state.read(call.caller().accountId(), call.region(), r -> {
            Map<String, String> names = groupNames(r);
            List<Instance> selected = new ArrayList<>();
            for (Instance stored : visible(r, lifecycle, now, ids)) {
                Instance i = ElasticIps.shown(r, stored);
                if (filters.matches(f -> fields(i, f, lifecycle.state(i, now), names, call.region()), r.tags(i.id()))) {
                    selected.add(i);
                }
            }
            Pages.Page<Instance> page = Pages.of(p, selected);
            Map<String, List<Instance>> reservations = new LinkedHashMap<>();
            page.items()
                    .forEach(i -> reservations
                            .computeIfAbsent(i.reservationId(), k -> new ArrayList<>())
                            .add(i));
            reservations.forEach((reservation, instances) -> {
                xml.open("item")
                        .element("reservationId", reservation)
                        .element("ownerId", call.caller().accountId())
                        .open("groupSet")
                        .close("groupSet")
                        .open("instancesSet");
                for (Instance i : instances) {
                    InstanceXml.item(
                            xml, i, lifecycle.state(i, now), i.launchTime(), r.tags(i.id()), names, call.region());
                }
                xml.close("instancesSet").close("item");
            });
            return page.nextToken();
        });
        xml.close("reservationSet").element("nextToken", next);
        return Ec2Xml.end(xml, "DescribeInstances");
    }

    static Map<String, String> groupNames(RegionState r) {
        Map<String, String> names = new LinkedHashMap<>();
        r.groups().forEach(g -> names.put(g.id(), g.name()));
        return names;
    }

    private static List<String> fields(
            Instance i, String filter, String seen, Map<String, String> names, String region) {
        return switch (filter) {
            case "instance-id" -> List.of(i.id());
            case "instance-state-name" -> List.of(seen);
            case "instance-state-code" -> List.of(String.valueOf(InstanceLifecycle.CODES.get(seen)));
            case "instance-type" -> List.of(i.attribute("instanceType"));
            case "vpc-id", "network-interface.vpc-id" -> List.of(i.vpcId());
            case "subnet-id", "network-interface.subnet-id" -> List.of(i.subnetId());
            case "image-id" -> List.of(i.imageId());
            case "availability-zone" -> List.of(i.availabilityZone());
            case "private-ip-address", "network-interface.addresses.private-ip-address" -> List.of(i.privateIp());
            case "ip-address" -> i.publicIp() == null ? List.of() : List.of(i.publicIp());
            case "private-dns-name" -> List.of(InstanceXml.privateDns(i.privateIp(), region));
            case "owner-id" -> List.of(i.ownerId());
            case "reservation-id" -> List.of(i.reservationId());
            case "key-name" -> i.keyName() == null ? List.of() : List.of(i.keyName());
            case "architecture" -> List.of(i.architecture());
            case "client-token" -> i.clientToken() == null ? List.of() : List.of(i.clientToken());
            case "launch-index" -> List.of(String.valueOf(i.launchIndex()));
            case "tenancy" -> List.of(i.tenancy());
            case "monitoring-state" -> List.of(i.monitoring() ? "enabled" : "disabled");
            case "root-device-name" -> List.of(i.rootDeviceName());
            case "root-device-type" -> List.of("ebs");
            case "iam-instance-profile.arn" ->
                i.iamInstanceProfileArn() == null ? List.of() : List.of(i.iamInstanceProfileArn());
            case "instance.group-id", "group-id" -> i.groupIds();
            case "instance.group-name", "group-name" ->
                i.groupIds().stream().map(names::get).filter(n -> n != null).toList();
            case "block-device-mapping.device-name" ->
                i.blockDevices().stream().map(BlockDevice::deviceName).toList();
            case "block-device-mapping.volume-id" ->
                i.blockDevices().stream().map(BlockDevice::volumeId).toList();
            case "network-interface.network-interface-id" -> List.of(i.networkInterfaceId());
            default -> List.of();
        };
    }

    /**
     * DescribeInstanceStatus: running instances only, unless {@code IncludeAllInstances}; a
     * running instance's checks have passed, others' do not apply.
     */
    String status(ServiceCall call) {
        QueryParams p = call.params();
        Filters filters = Filters.parse(p, STATUS_FILTERS);
        List<String> ids = p.values("InstanceId");
        boolean all = p.get("IncludeAllInstances").map(Boolean::parseBoolean).orElse(false);
        Instant now = call.now();
        XmlWriter xml = Ec2Xml.start("DescribeInstanceStatus", call.requestId()).open("instanceStatusSet");
        String next = state.read(call.caller().accountId(), call.region(), r -> {
            List<Instance> selected = new ArrayList<>();
            for (Instance i : visible(r, lifecycle, now, ids)) {
                String seen = lifecycle.state(i, now);
                String status = seen.equals("running") ? "ok" : "not-applicable";
                if ((all || seen.equals("running"))
                        && filters.matches(
                                f -> switch (f) {
                                    case "availability-zone" -> List.of(i.availabilityZone());
                                    case "instance-state-name" -> List.of(seen);
                                    case "instance-state-code" ->
                                        List.of(String.valueOf(InstanceLifecycle.CODES.get(seen)));
                                    default -> List.of(status);
                                },
                                Map.of())) {
                    selected.add(i);
                }
            }
            Pages.Page<Instance> page = Pages.of(p, selected);
            for (Instance i : page.items()) {
                String seen = lifecycle.state(i, now);
                String status = seen.equals("running") ? "ok" : "not-applicable";
                xml.open("item")
                        .element("instanceId", i.id())
                        .element("availabilityZone", i.availabilityZone())
                        .open("eventsSet")
                        .close("eventsSet")
                        .open("instanceState")
                        .element("code", InstanceLifecycle.CODES.get(seen))
                        .element("name", seen)
                        .close("instanceState");
                check(xml, "systemStatus", status);
                check(xml, "instanceStatus", status);
                xml.close("item");
            }
            return page.nextToken();
        });
        xml.close("instanceStatusSet").element("nextToken", next);
        return Ec2Xml.end(xml, "DescribeInstanceStatus");
    }

    private static void check(XmlWriter xml, String element, String status) {
        xml.open(element).element("status", status).open("details");
        if (status.equals("ok")) {
            xml.open("item")
                    .element("name", "reachability")
                    .element("status", "passed")
                    .close("item");
        }
        xml.close("details").close(element);
    }
}
