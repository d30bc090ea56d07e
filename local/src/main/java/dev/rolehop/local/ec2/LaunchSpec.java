package dev.rolehop.local.ec2;

import dev.rolehop.local.state.MetadataOptions;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a RunInstances request asks for, read and checked on its own (before any state is
 * looked at): counts, type, network, groups, volumes, metadata options and tags.
 *
 * @param volumes the {@code BlockDeviceMapping.N} entries that are not {@code NoDevice}
 */
record LaunchSpec(
        String imageId,
        String instanceType,
        int minCount,
        int maxCount,
        String keyName,
        String subnetId,
        String availabilityZone,
        String tenancy,
        String privateIp,
        Boolean associatePublicIp,
        List<String> groupIds,
        List<String> groupNames,
        String userData,
        String iamInstanceProfile,
        boolean ebsOptimized,
        boolean monitoring,
        boolean disableApiTermination,
        boolean disableApiStop,
        String shutdownBehavior,
        List<Volume> volumes,
        MetadataOptions metadata,
        String clientToken,
        Map<String, String> instanceTags,
        Map<String, String> volumeTags,
        Map<String, String> interfaceTags) {

    /** A requested EBS volume (size or type null: the image's). */
    record Volume(
            String deviceName,
            Integer sizeGiB,
            String volumeType,
            Integer iops,
            boolean deleteOnTermination,
            boolean encrypted) {}

    private static final Pattern INSTANCE_TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z0-9]+");

    static LaunchSpec read(QueryParams p) {
        String imageId = p.required("ImageId");
        String type = p.get("InstanceType").orElse("m1.small");
        if (!INSTANCE_TYPE.matcher(type).matches()) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Invalid value '" + type + "' for InstanceType.");
        }
        int min = count(p, "MinCount");
        int max = count(p, "MaxCount");
        if (min > max) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Invalid value '" + min + "' for minCount. Must be less than or equal to maxCount.");
        }
        Optional<QueryParams> nic = p.members("NetworkInterface").stream().findFirst();
        if (nic.flatMap(n -> n.get("NetworkInterfaceId")).isPresent()) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "rolehop local does not attach existing network interfaces at launch; give a SubnetId");
        }
        String subnet =
                p.get("SubnetId").orElse(nic.flatMap(n -> n.get("SubnetId")).orElse(null));
        List<String> groupIds = new ArrayList<>(p.values("SecurityGroupId"));
        nic.ifPresent(n -> groupIds.addAll(n.values("SecurityGroupId")));
        String shutdown = p.get("InstanceInitiatedShutdownBehavior").orElse("stop");
        if (!shutdown.equals("stop") && !shutdown.equals("terminate")) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Value (" + shutdown + ") for parameter instanceInitiatedShutdownBehavior is invalid.");
        }
        Map<String, Map<String, String>> tags = new LinkedHashMap<>();
        for (String resourceType : List.of("instance", "volume", "network-interface")) {
            tags.put(resourceType, new LinkedHashMap<>());
        }
        for (QueryParams spec : p.members("TagSpecification")) {
            String resourceType = spec.required("ResourceType");
            Map<String, String> forType = tags.get(resourceType);
            if (forType == null) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                        "'" + resourceType + "' is not a valid taggable resource type for this operation.");
            }
            forType.putAll(TagSpecifications.tagList(spec));
        }
        tags.values().forEach(t -> Ec2Validation.tagCount(List.of(), t.keySet()));
        return new LaunchSpec(
                imageId,
                type,
                min,
                max,
                p.get("KeyName").orElse(null),
                subnet,
                p.get("Placement.AvailabilityZone").orElse(null),
                p.get("Placement.Tenancy").orElse("default"),
                p.get("PrivateIpAddress")
                        .orElse(nic.flatMap(n -> n.get("PrivateIpAddress")).orElse(null)),
                nic.flatMap(n -> n.get("AssociatePublicIpAddress"))
                        .map(Boolean::parseBoolean)
                        .orElse(null),
                groupIds,
                p.values("SecurityGroup"),
                p.get("UserData").orElse(null),
                p.get("IamInstanceProfile.Arn")
                        .orElse(p.get("IamInstanceProfile.Name").orElse(null)),
                flag(p, "EbsOptimized"),
                flag(p, "Monitoring.Enabled"),
                flag(p, "DisableApiTermination"),
                flag(p, "DisableApiStop"),
                shutdown,
                volumes(p),
                metadata(p),
                p.get("ClientToken").orElse(null),
                tags.get("instance"),
                tags.get("volume"),
                tags.get("network-interface"));
    }

    /** An optional whole number, or EC2's error naming the parameter. */
    private static Integer number(QueryParams p, String name) {
        Optional<String> text = p.get(name);
        try {
            return text.map(Integer::valueOf).orElse(null);
        } catch (NumberFormatException e) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Invalid value '" + text.get() + "' for " + name + ". It must be a whole number.");
        }
    }

    private static int count(QueryParams p, String name) {
        String text = p.required(name);
        try {
            int n = Integer.parseInt(text);
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Answered below.
        }
        throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Invalid value '" + text + "' for "
                + Character.toLowerCase(name.charAt(0)) + name.substring(1) + ". Must be greater than zero.");
    }

    private static boolean flag(QueryParams p, String name) {
        return p.get(name).map(Boolean::parseBoolean).orElse(false);
    }

    private static List<Volume> volumes(QueryParams p) {
        List<Volume> out = new ArrayList<>();
        for (QueryParams m : p.members("BlockDeviceMapping")) {
            String device = m.required("DeviceName");
            if (m.get("NoDevice").isPresent() || m.get("VirtualName").isPresent()) {
                continue;
            }
            String type = m.get("Ebs.VolumeType").orElse(null);
            if (type != null && !type.matches("gp2|gp3|io1|io2|st1|sc1|standard")) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                        "Value (" + type + ") for parameter volumeType is invalid. Valid values are standard, io1, "
                                + "io2, gp2, gp3, sc1 and st1.");
            }
            out.add(new Volume(
                    device,
                    number(m, "Ebs.VolumeSize"),
                    type,
                    number(m, "Ebs.Iops"),
                    m.get("Ebs.DeleteOnTermination").map(Boolean::parseBoolean).orElse(true),
                    m.get("Ebs.Encrypted").map(Boolean::parseBoolean).orElse(false)));
        }
        return out;
    }

    private static MetadataOptions metadata(QueryParams p) {
        String tokens = p.get("MetadataOptions.HttpTokens").orElse("optional");
        String endpoint = p.get("MetadataOptions.HttpEndpoint").orElse("enabled");
        if (!tokens.matches("optional|required")) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Value (" + tokens
                    + ") for parameter HttpTokens is invalid. Valid values are optional and required.");
        }
        if (!endpoint.matches("enabled|disabled")) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Value (" + endpoint + ") for parameter HttpEndpoint is invalid.");
        }
        Integer given = number(p, "MetadataOptions.HttpPutResponseHopLimit");
        int hops = given == null ? 1 : given;
        if (hops < 1 || hops > 64) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                    "Value (" + hops + ") for parameter HttpPutResponseHopLimit is invalid. Valid values are 1-64.");
        }
        return new MetadataOptions(
                tokens,
                hops,
                endpoint,
                p.get("MetadataOptions.HttpProtocolIpv6").orElse("disabled"),
                p.get("MetadataOptions.InstanceMetadataTags").orElse("disabled"));
    }
}
