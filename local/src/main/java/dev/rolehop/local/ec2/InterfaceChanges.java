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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes to network interfaces: attach to and detach from instances, attributes (description,
 * groups, source/destination check, delete on termination) and secondary private addresses.
 * An instance's primary interface lives in the instance: its groups and source/destination check
 * are the instance's; it keeps no description and one private address, so changing those on it
 * is refused with a message that says so.
 */
final class InterfaceChanges {

    private static final Set<String> ATTRIBUTES = Set.of("description", "groupSet", "sourceDestCheck", "attachment");

    private final WorldState state;
    private final InstanceLifecycle lifecycle;

    InterfaceChanges(WorldState state, InstanceLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    String attach(ServiceCall call) {
        QueryParams p = call.params();
        String id = p.required("NetworkInterfaceId");
        String instanceId = p.required("InstanceId");
        int deviceIndex = integer(p.required("DeviceIndex"), "deviceIndex");
        Instant now = call.now();
        String attachmentId = state.change(call.caller().accountId(), call.region(), r -> {
            NetworkInterface n = stored(r, id, now, "attached");
            Instance instance =
                    Instances.visible(r, lifecycle, now, List.of(instanceId)).get(0);
            String seen = lifecycle.state(instance, now);
            if (!seen.equals("running") && !seen.equals("stopped")) {
                throw AwsErrorCode.INCORRECT_INSTANCE_STATE.error(
                        "The " + seen + " instance '" + instanceId + "' is not in a valid state for this operation.");
            }
            if (n.attachment() != null || n.interfaceType().equals("nat_gateway")) {
                throw AwsErrorCode.INVALID_NETWORK_INTERFACE_IN_USE.error("Interface: [" + id + "] in use.");
            }
            if (!n.availabilityZone().equals(instance.availabilityZone())) {
                throw AwsErrorCode.INVALID_PARAMETER_COMBINATION.error(
                        "You may not attach a network interface to an instance if they are not in the same "
                                + "availability zone");
            }
            if (Interfaces.of(r, instance).stream().anyMatch(o -> o.attachment().deviceIndex() == deviceIndex)) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Instance '" + instanceId
                        + "' already has an interface attached at device index '" + deviceIndex + "'.");
            }
            String attachment = Ids.randomHex("eni-attach-");
            r.putResource(
                    n.withAttachment(new NetworkInterface.Attachment(attachment, instanceId, deviceIndex, now, false)));
            ElasticIps.followAttachment(r, id, instanceId);
            return attachment;
        });
        return Ec2Xml.end(
                Ec2Xml.start("AttachNetworkInterface", call.requestId())
                        .element("attachmentId", attachmentId)
                        .element("networkCardIndex", 0),
                "AttachNetworkInterface");
    }

    String detach(ServiceCall call) {
        String attachmentId = call.params().required("AttachmentId");
        Instant now = call.now();
        state.change(call.caller().accountId(), call.region(), r -> {
            NetworkInterface n = Interfaces.all(r, lifecycle, now).stream()
                    .filter(i -> i.attachment() != null
                            && i.attachment().attachmentId().equals(attachmentId))
                    .findFirst()
                    .orElseThrow(() -> AwsErrorCode.INVALID_ATTACHMENT_ID_NOT_FOUND.error(
                            "The attachment ID '" + attachmentId + "' does not exist"));
            if (n.attachment().deviceIndex() == 0) {
                throw AwsErrorCode.OPERATION_NOT_PERMITTED.error(
                        "The network interface at device index 0 and networkCard index 0 cannot be detached.");
            }
            r.putResource(n.withAttachment(null));
            ElasticIps.followAttachment(r, n.id(), null);
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("DetachNetworkInterface", call.requestId()).element("return", true),
                "DetachNetworkInterface");
    }

    String modifyAttribute(ServiceCall call) {
        QueryParams p = call.params();
        String id = p.required("NetworkInterfaceId");
        Instant now = call.now();
        List<String> groups = p.values("SecurityGroupId");
        state.change(call.caller().accountId(), call.region(), r -> {
            NetworkInterface n = Interfaces.find(r, lifecycle, now, id);
            if (p.get("Description.Value").isPresent()) {
                r.putResource(stored(r, id, now, "given a description")
                        .withSettings(p.required("Description.Value"), n.groupIds(), n.sourceDestCheck()));
            } else if (p.get("SourceDestCheck.Value").isPresent()) {
                boolean check = Boolean.parseBoolean(p.required("SourceDestCheck.Value"));
                change(r, n, n.description(), n.groupIds(), check);
            } else if (!groups.isEmpty()) {
                Subnet subnet = Subnets.find(r, n.subnetId());
                change(r, n, n.description(), RunInstances.groups(r, groups, List.of(), subnet), n.sourceDestCheck());
            } else if (p.get("Attachment.AttachmentId").isPresent()) {
                String attachmentId = p.required("Attachment.AttachmentId");
                if (n.attachment() == null || !n.attachment().attachmentId().equals(attachmentId)) {
                    throw AwsErrorCode.INVALID_ATTACHMENT_ID_NOT_FOUND.error(
                            "The attachment ID '" + attachmentId + "' does not exist");
                }
                NetworkInterface.Attachment a = n.attachment();
                boolean delete = Boolean.parseBoolean(
                        p.get("Attachment.DeleteOnTermination").orElse("false"));
                r.putResource(stored(r, id, now, "changed on termination")
                        .withAttachment(new NetworkInterface.Attachment(
                                a.attachmentId(), a.instanceId(), a.deviceIndex(), a.attachTime(), delete)));
            } else {
                throw AwsErrorCode.MISSING_PARAMETER.error(
                        "The request must contain one of description, sourceDestCheck, groupSet, attachment");
            }
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("ModifyNetworkInterfaceAttribute", call.requestId())
                        .element("return", true),
                "ModifyNetworkInterfaceAttribute");
    }

    String describeAttribute(ServiceCall call) {
        QueryParams p = call.params();
        String id = p.required("NetworkInterfaceId");
        String attribute = p.required("Attribute");
        if (!ATTRIBUTES.contains(attribute)) {
            throw Ec2Errors.invalidValue(attribute, "attribute", "Unknown attribute.");
        }
        XmlWriter xml = Ec2Xml.start("DescribeNetworkInterfaceAttribute", call.requestId())
                .element("networkInterfaceId", id);
        state.read(call.caller().accountId(), call.region(), r -> {
            NetworkInterface n = Interfaces.find(r, lifecycle, call.now(), id);
            switch (attribute) {
                case "description" ->
                    xml.open("description").element("value", n.description()).close("description");
                case "sourceDestCheck" ->
                    xml.open("sourceDestCheck")
                            .element("value", n.sourceDestCheck())
                            .close("sourceDestCheck");
                case "groupSet" -> {
                    Map<String, String> names = Instances.groupNames(r);
                    xml.open("groupSet");
                    n.groupIds()
                            .forEach(g -> xml.open("item")
                                    .element("groupId", g)
                                    .element("groupName", names.get(g))
                                    .close("item"));
                    xml.close("groupSet");
                }
                default -> {
                    NetworkInterface.Attachment a = n.attachment();
                    if (a != null) {
                        xml.open("attachment")
                                .element("attachmentId", a.attachmentId())
                                .element("instanceId", a.instanceId())
                                .element("instanceOwnerId", n.ownerId())
                                .element("deviceIndex", a.deviceIndex())
                                .element("status", "attached")
                                .element("attachTime", Ec2Xml.time(a.attachTime()))
                                .element("deleteOnTermination", a.deleteOnTermination())
                                .close("attachment");
                    }
                }
            }
            return null;
        });
        return Ec2Xml.end(xml, "DescribeNetworkInterfaceAttribute");
    }

    String assignPrivateIps(ServiceCall call) {
        QueryParams p = call.params();
        String id = p.required("NetworkInterfaceId");
        List<String> asked = p.values("PrivateIpAddress");
        int count = integer(p.get("SecondaryPrivateIpAddressCount").orElse("0"), "secondaryPrivateIpAddressCount");
        if (asked.isEmpty() == (count == 0)) {
            throw AwsErrorCode.INVALID_PARAMETER_COMBINATION.error(
                    "Specify either privateIpAddresses or secondaryPrivateIpAddressCount, not both.");
        }
        Instant now = call.now();
        List<String> added = state.change(call.caller().accountId(), call.region(), r -> {
            NetworkInterface n = stored(r, id, now, "given more private addresses");
            Subnet subnet = Subnets.find(r, n.subnetId());
            Set<String> used = Interfaces.usedAddresses(r, lifecycle, now, n.subnetId());
            List<String> out = new ArrayList<>();
            for (String ip : asked) {
                out.add(n.privateIps().contains(ip) ? ip : Addresses.requestedPrivate(ip, subnet.cidrBlock(), used));
                used.add(ip);
            }
            for (int i = 0; i < count; i++) {
                String ip = Addresses.nextPrivate(subnet.cidrBlock(), used);
                out.add(ip);
                used.add(ip);
            }
            List<String> ips = new ArrayList<>(n.privateIps());
            out.stream().filter(ip -> !ips.contains(ip)).forEach(ips::add);
            r.putResource(n.withPrivateIps(ips));
            return out;
        });
        XmlWriter xml = Ec2Xml.start("AssignPrivateIpAddresses", call.requestId())
                .element("networkInterfaceId", id)
                .open("assignedPrivateIpAddressesSet");
        added.forEach(ip -> xml.open("item").element("privateIpAddress", ip).close("item"));
        xml.close("assignedPrivateIpAddressesSet").element("return", true);
        return Ec2Xml.end(xml, "AssignPrivateIpAddresses");
    }

    String unassignPrivateIps(ServiceCall call) {
        QueryParams p = call.params();
        String id = p.required("NetworkInterfaceId");
        List<String> asked = p.values("PrivateIpAddress");
        if (asked.isEmpty()) {
            throw AwsErrorCode.MISSING_PARAMETER.error("The request must contain the parameter privateIpAddress");
        }
        Instant now = call.now();
        state.change(call.caller().accountId(), call.region(), r -> {
            NetworkInterface n = stored(r, id, now, "stripped of private addresses");
            if (!n.privateIps().subList(1, n.privateIps().size()).containsAll(asked)) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                        "Some of the specified addresses are not assigned to interface " + id);
            }
            r.resources(ElasticIp.class).stream()
                    .filter(e -> id.equals(e.networkInterfaceId()) && asked.contains(e.privateIp()))
                    .forEach(e -> r.putResource(e.withAssociation(null, null, null, null)));
            r.putResource(n.withPrivateIps(
                    n.privateIps().stream().filter(ip -> !asked.contains(ip)).toList()));
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("UnassignPrivateIpAddresses", call.requestId()).element("return", true),
                "UnassignPrivateIpAddresses");
    }

    /** A change of an interface's groups or source/destination check; on a primary one, its instance's. */
    private static void change(
            RegionState r, NetworkInterface n, String description, List<String> groups, boolean check) {
        Instance primaryOf = Interfaces.primaryOf(r, n.id()).orElse(null);
        if (primaryOf == null) {
            r.putResource(n.withSettings(description, groups, check));
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>(primaryOf.attributes());
        attributes.put("sourceDestCheck", String.valueOf(check));
        r.putResource(primaryOf.withSettings(attributes, groups));
    }

    /** A stored interface; an instance's primary one cannot be {@code what} here. */
    private NetworkInterface stored(RegionState r, String id, Instant now, String what) {
        NetworkInterface n = Interfaces.find(r, lifecycle, now, id);
        if (Interfaces.primaryOf(r, id).isPresent()) {
            throw AwsErrorCode.OPERATION_NOT_PERMITTED.error("The network interface " + id
                    + " is the primary interface of an instance, which rolehop local keeps with the instance: it"
                    + " cannot be " + what + " here.");
        }
        return n;
    }

    private static int integer(String text, String parameter) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw Ec2Errors.invalidValue(text, parameter, "Expecting an integer.");
        }
    }
}
