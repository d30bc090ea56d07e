package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.BlockDevice;
import dev.rolehop.local.state.Instance;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.SecurityGroup;
import dev.rolehop.local.state.Subnet;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Ids;
import dev.rolehop.local.world.SeedImage;
import dev.rolehop.local.world.World;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EC2 RunInstances: launches {@code MaxCount} instances of an image into a subnet (the default
 * subnet of the zone, or of the first zone) as one reservation, in state {@code pending}. A
 * {@code ClientToken} seen before answers the reservation it launched, launching nothing.
 */
final class RunInstances {

    /**
     * An internal attribute (DescribeInstanceAttribute does not answer it): whether the instance
     * gets a new public address each time it starts, as it got one at launch.
     */
    static final String PUBLIC_ON_START = "rolehop:publicIpOnStart";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final World world;
    private final WorldState state;
    private final InstanceLifecycle lifecycle;

    RunInstances(World world, WorldState state, InstanceLifecycle lifecycle) {
        this.world = world;
        this.state = state;
        this.lifecycle = lifecycle;
    }

    String run(ServiceCall call) {
        LaunchSpec spec = LaunchSpec.read(call.params());
        String account = call.caller().accountId();
        SeedImage image = Images.launchable(world, call.region(), account, spec.imageId());
        Instant now = call.now();
        XmlWriter xml = Ec2Xml.start("RunInstances", call.requestId());
        state.change(account, call.region(), r -> {
            List<Instance> earlier = spec.clientToken() == null
                    ? List.of()
                    : r.resources(Instance.class).stream()
                            .filter(i -> spec.clientToken().equals(i.clientToken()))
                            .toList();
            List<Instance> launched = earlier.isEmpty() ? launch(r, spec, image, account, now) : earlier;
            Map<String, String> names = new LinkedHashMap<>();
            r.groups().forEach(g -> names.put(g.id(), g.name()));
            xml.element("reservationId", launched.get(0).reservationId())
                    .element("ownerId", account)
                    .open("groupSet")
                    .close("groupSet")
                    .open("instancesSet");
            for (Instance i : launched) {
                String seen = earlier.isEmpty() ? i.state() : lifecycle.state(i, now);
                InstanceXml.item(xml, i, seen, i.launchTime(), r.tags(i.id()), names, call.region());
            }
            xml.close("instancesSet");
            return null;
        });
        return Ec2Xml.end(xml, "RunInstances");
    }

    private List<Instance> launch(RegionState r, LaunchSpec spec, SeedImage image, String account, Instant now) {
        Subnet subnet =
                spec.subnetId() != null ? Subnets.find(r, spec.subnetId()) : defaultSubnet(r, spec.availabilityZone());
        if (spec.keyName() != null && KeyPairs.byName(r, spec.keyName()).isEmpty()) {
            throw KeyPairs.notFound(spec.keyName());
        }
        List<String> groups = groups(r, spec.groupIds(), spec.groupNames(), subnet);
        // Terminated instances past their visible time go for good, freeing their ids' memory.
        r.resources(Instance.class).stream()
                .filter(i -> !lifecycle.visible(i, now))
                .forEach(i -> r.removeResource(i.id()));
        Set<String> used = Interfaces.usedAddresses(r, lifecycle, now, subnet.id());
        if (spec.privateIp() != null && spec.maxCount() > 1) {
            throw AwsErrorCode.INVALID_PARAMETER_COMBINATION.error(
                    "Cannot specify a private IP address when launching more than one instance.");
        }
        String reservation = Ids.randomHex("r-");
        boolean publicIp = spec.associatePublicIp() != null ? spec.associatePublicIp() : subnet.mapPublicIpOnLaunch();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("instanceType", spec.instanceType());
        attributes.put("sourceDestCheck", "true");
        attributes.put("ebsOptimized", String.valueOf(spec.ebsOptimized()));
        attributes.put("disableApiTermination", String.valueOf(spec.disableApiTermination()));
        attributes.put("disableApiStop", String.valueOf(spec.disableApiStop()));
        attributes.put("instanceInitiatedShutdownBehavior", spec.shutdownBehavior());
        attributes.put(PUBLIC_ON_START, String.valueOf(publicIp));
        if (spec.userData() != null) {
            attributes.put("userData", spec.userData());
        }
        List<Instance> out = new ArrayList<>();
        for (int n = 0; n < spec.maxCount(); n++) {
            String ip = spec.privateIp() != null
                    ? Addresses.requestedPrivate(spec.privateIp(), subnet.cidrBlock(), used)
                    : Addresses.nextPrivate(subnet.cidrBlock(), used);
            used.add(ip);
            String id = Ids.randomHex("i-");
            String eni = Ids.randomHex("eni-");
            Instance instance = new Instance(
                    id,
                    reservation,
                    account,
                    image.id(),
                    spec.keyName(),
                    subnet.id(),
                    subnet.vpcId(),
                    subnet.availabilityZone(),
                    ip,
                    publicIp ? Addresses.nextPublic() : null,
                    groups,
                    now,
                    n,
                    spec.clientToken(),
                    profileArn(spec.iamInstanceProfile(), account),
                    spec.monitoring(),
                    spec.tenancy(),
                    image.architecture(),
                    image.rootDeviceName(),
                    volumes(spec, image, now),
                    spec.metadata(),
                    eni,
                    mac(),
                    attributes,
                    "pending",
                    now,
                    null);
            r.putResource(instance);
            spec.instanceTags().forEach((k, v) -> r.tag(id, k, v));
            spec.interfaceTags().forEach((k, v) -> r.tag(eni, k, v));
            instance.blockDevices().forEach(d -> spec.volumeTags().forEach((k, v) -> r.tag(d.volumeId(), k, v)));
            out.add(instance);
        }
        return out;
    }

    /**
     * The default subnet of a zone, or of the first zone when none is named. This is where
     * instances without a SubnetId go, as on EC2; a region whose default VPC is gone has none.
     */
    private static Subnet defaultSubnet(RegionState r, String zone) {
        return r.resources(Subnet.class).stream()
                .filter(s -> s.defaultForAz()
                        && (zone == null || s.availabilityZone().equals(zone)))
                .findFirst()
                .orElseThrow(() -> zone == null
                        ? AwsErrorCode.VPC_ID_NOT_SPECIFIED.error("No default VPC for this user")
                        : AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                                "No default subnet for availability zone: '" + zone + "'."));
    }

    /** The groups by id and by name, in the subnet's VPC; that VPC's default group when none is named. */
    static List<String> groups(RegionState r, List<String> groupIds, List<String> groupNames, Subnet subnet) {
        List<String> out = new ArrayList<>();
        for (String id : groupIds) {
            SecurityGroups.checkId(id);
            SecurityGroup g = r.group(id)
                    .orElseThrow(() -> AwsErrorCode.INVALID_GROUP_NOT_FOUND.error(
                            "The security group '" + id + "' does not exist"));
            if (!g.vpcId().equals(subnet.vpcId())) {
                throw AwsErrorCode.INVALID_PARAMETER.error(
                        "Security group " + id + " and subnet " + subnet.id() + " belong to different networks.");
            }
            out.add(g.id());
        }
        for (String name : groupNames) {
            out.add(r.groups().stream()
                    .filter(g -> g.name().equals(name) && g.vpcId().equals(subnet.vpcId()))
                    .map(SecurityGroup::id)
                    .findFirst()
                    .orElseThrow(() -> AwsErrorCode.INVALID_GROUP_NOT_FOUND.error(
                            "The security group '" + name + "' does not exist in VPC '" + subnet.vpcId() + "'")));
        }
        if (out.isEmpty()) {
            out.add(r.groups().stream()
                    .filter(g -> g.name().equals("default") && g.vpcId().equals(subnet.vpcId()))
                    .map(SecurityGroup::id)
                    .findFirst()
                    .orElseThrow(() -> AwsErrorCode.INVALID_GROUP_NOT_FOUND.error(
                            "The security group 'default' does not exist in VPC '" + subnet.vpcId() + "'")));
        }
        return out.stream().distinct().toList();
    }

    /** The image's root volume (resized or retyped by a mapping of its device) and the added volumes. */
    private static List<BlockDevice> volumes(LaunchSpec spec, SeedImage image, Instant now) {
        List<BlockDevice> out = new ArrayList<>();
        LaunchSpec.Volume root = spec.volumes().stream()
                .filter(v -> v.deviceName().equals(image.rootDeviceName()))
                .findFirst()
                .orElse(null);
        out.add(new BlockDevice(
                image.rootDeviceName(),
                Ids.randomHex("vol-"),
                root != null && root.sizeGiB() != null ? root.sizeGiB() : image.rootVolumeSize(),
                root != null && root.volumeType() != null ? root.volumeType() : image.rootVolumeType(),
                root == null ? null : root.iops(),
                root == null || root.deleteOnTermination(),
                root != null && root.encrypted(),
                now));
        for (LaunchSpec.Volume v : spec.volumes()) {
            if (v == root) {
                continue;
            }
            if (v.sizeGiB() == null) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                        "Volume of size 0 is not supported; give Ebs.VolumeSize for " + v.deviceName());
            }
            out.add(new BlockDevice(
                    v.deviceName(),
                    Ids.randomHex("vol-"),
                    v.sizeGiB(),
                    v.volumeType() == null ? "gp2" : v.volumeType(),
                    v.iops(),
                    v.deleteOnTermination(),
                    v.encrypted(),
                    now));
        }
        return out;
    }

    /** An instance profile ARN from the ARN or name given (profiles are not checked: IAM writes are not served). */
    private static String profileArn(String given, String account) {
        if (given == null) {
            return null;
        }
        return given.startsWith("arn:") ? given : "arn:aws:iam::" + account + ":instance-profile/" + given;
    }

    /** A random locally administered unicast MAC address, as EC2's 0e:/02:/12: ones are. */
    static String mac() {
        StringBuilder out = new StringBuilder("0e");
        for (int i = 0; i < 5; i++) {
            out.append(':').append(String.format("%02x", RANDOM.nextInt(256)));
        }
        return out.toString();
    }
}
