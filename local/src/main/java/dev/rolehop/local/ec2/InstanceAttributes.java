package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.BlockDevice;
import dev.rolehop.local.state.Instance;
import dev.rolehop.local.state.SecurityGroup;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** EC2 DescribeInstanceAttribute and ModifyInstanceAttribute. */
final class InstanceAttributes {

    /** Attributes kept as a value, with the values EC2 takes for each ("boolean", or a choice). */
    private static final Map<String, String> VALUES = Map.of(
            "instanceType", "type",
            "userData", "text",
            "disableApiTermination", "boolean",
            "disableApiStop", "boolean",
            "sourceDestCheck", "boolean",
            "ebsOptimized", "boolean",
            "enaSupport", "boolean",
            "instanceInitiatedShutdownBehavior", "stop|terminate");

    private static final Set<String> DESCRIBED = Set.of(
            "instanceType",
            "kernel",
            "ramdisk",
            "userData",
            "disableApiTermination",
            "instanceInitiatedShutdownBehavior",
            "rootDeviceName",
            "blockDeviceMapping",
            "productCodes",
            "sourceDestCheck",
            "groupSet",
            "ebsOptimized",
            "sriovNetSupport",
            "enaSupport",
            "enclaveOptions",
            "disableApiStop");

    /** What a running instance cannot change: EC2 asks that it be stopped first. */
    private static final Set<String> STOPPED_ONLY = Set.of("instanceType", "userData", "ebsOptimized", "enaSupport");

    private final WorldState state;
    private final InstanceLifecycle lifecycle;

    InstanceAttributes(WorldState state, InstanceLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    String describe(ServiceCall call) {
        String id = call.params().required("InstanceId");
        String attribute = call.params().required("Attribute");
        if (!DESCRIBED.contains(attribute)) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        }
        XmlWriter xml =
                Ec2Xml.start("DescribeInstanceAttribute", call.requestId()).element("instanceId", id);
        state.read(call.caller().accountId(), call.region(), r -> {
            Instance i =
                    Instances.visible(r, lifecycle, call.now(), List.of(id)).get(0);
            switch (attribute) {
                case "groupSet" -> {
                    Map<String, String> names = Instances.groupNames(r);
                    xml.open("groupSet");
                    i.groupIds()
                            .forEach(g -> xml.open("item")
                                    .element("groupId", g)
                                    .element("groupName", names.get(g))
                                    .close("item"));
                    xml.close("groupSet");
                }
                case "blockDeviceMapping" -> {
                    xml.open("blockDeviceMapping");
                    for (BlockDevice d : i.blockDevices()) {
                        xml.open("item")
                                .element("deviceName", d.deviceName())
                                .open("ebs")
                                .element("volumeId", d.volumeId())
                                .element("status", "attached")
                                .element("attachTime", Ec2Xml.time(d.attachTime()))
                                .element("deleteOnTermination", d.deleteOnTermination())
                                .close("ebs")
                                .close("item");
                    }
                    xml.close("blockDeviceMapping");
                }
                case "productCodes" -> xml.open("productCodes").close("productCodes");
                case "enclaveOptions" ->
                    xml.open("enclaveOptions").element("enabled", false).close("enclaveOptions");
                case "rootDeviceName" -> value(xml, attribute, i.rootDeviceName());
                case "enaSupport" ->
                    value(
                            xml,
                            attribute,
                            Optional.ofNullable(i.attribute(attribute)).orElse("true"));
                default -> value(xml, attribute, i.attribute(attribute));
            }
            return null;
        });
        return Ec2Xml.end(xml, "DescribeInstanceAttribute");
    }

    /** Writes {@code <attribute><value>v</value></attribute>}, or the empty element when there is no value. */
    private static void value(XmlWriter xml, String attribute, String value) {
        xml.open(attribute).element("value", value).close(attribute);
    }

    /**
     * Changes one attribute: {@code Attribute}+{@code Value}, an {@code ATTRIBUTE.Value}
     * parameter (InstanceType.Value, SourceDestCheck.Value, ...) or {@code GroupId.N}.
     */
    String modify(ServiceCall call) {
        QueryParams p = call.params();
        String id = p.required("InstanceId");
        Map<String, String> changes = new LinkedHashMap<>();
        p.get("Attribute").ifPresent(a -> changes.put(a, p.get("Value").orElse("")));
        for (String attribute : VALUES.keySet()) {
            String wire = Character.toUpperCase(attribute.charAt(0)) + attribute.substring(1) + ".Value";
            p.get(wire).ifPresent(v -> changes.put(attribute, v));
        }
        List<String> groups = p.values("GroupId");
        if (changes.isEmpty() && groups.isEmpty()) {
            throw AwsErrorCode.MISSING_PARAMETER.error(
                    "The request must contain a parameter to modify (an attribute with its value, or GroupId)");
        }
        if (changes.size() + (groups.isEmpty() ? 0 : 1) > 1) {
            throw AwsErrorCode.INVALID_PARAMETER_COMBINATION.error(
                    "Fields for multiple attribute types specified: " + String.join(", ", changes.keySet()));
        }
        changes.forEach(InstanceAttributes::check);
        state.change(call.caller().accountId(), call.region(), r -> {
            Instance i =
                    Instances.visible(r, lifecycle, call.now(), List.of(id)).get(0);
            String seen = lifecycle.state(i, call.now());
            if (changes.keySet().stream().anyMatch(STOPPED_ONLY::contains) && !seen.equals("stopped")) {
                throw AwsErrorCode.INCORRECT_INSTANCE_STATE.error(
                        "The instance '" + id + "' is not in the 'stopped' state.");
            }
            Map<String, String> attributes = new LinkedHashMap<>(i.attributes());
            attributes.putAll(changes);
            List<String> groupIds = i.groupIds();
            if (!groups.isEmpty()) {
                groupIds = new ArrayList<>();
                for (String g : groups) {
                    SecurityGroups.checkId(g);
                    SecurityGroup group = r.group(g)
                            .orElseThrow(() -> AwsErrorCode.INVALID_GROUP_NOT_FOUND.error(
                                    "The security group '" + g + "' does not exist"));
                    if (!group.vpcId().equals(i.vpcId())) {
                        throw AwsErrorCode.INVALID_GROUP_NOT_FOUND.error(
                                "The security group '" + g + "' does not exist in VPC '" + i.vpcId() + "'");
                    }
                    groupIds.add(g);
                }
            }
            r.putResource(i.withSettings(attributes, groupIds));
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("ModifyInstanceAttribute", call.requestId()).element("return", true),
                "ModifyInstanceAttribute");
    }

    private static void check(String attribute, String value) {
        String rule = VALUES.get(attribute);
        if (rule == null) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Value (" + attribute + ") for parameter attribute is invalid. Unknown attribute.");
        }
        boolean valid = switch (rule) {
            case "type" -> value.matches("[a-z][a-z0-9-]*\\.[a-z0-9]+");
            case "text" -> true;
            case "boolean" -> value.equals("true") || value.equals("false");
            default -> value.matches(rule);
        };
        if (!valid) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Value (" + value + ") for parameter " + attribute + " is invalid.");
        }
    }
}
