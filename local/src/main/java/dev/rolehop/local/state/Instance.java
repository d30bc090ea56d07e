package dev.rolehop.local.state;

import dev.rolehop.local.world.DefaultVpc;
import dev.rolehop.local.world.Ids;
import dev.rolehop.local.world.SeedInstance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An EC2 instance of one account and region; tags live in {@link RegionState}.
 *
 * <p>{@code state} is the state the instance was last put in ({@code pending}, {@code stopping},
 * {@code shutting-down}, or a settled one) at {@code stateSince}; the state a caller sees also
 * depends on the clock (see the EC2 handler's instance life cycle).
 *
 * @param attributes the attributes DescribeInstanceAttribute and ModifyInstanceAttribute name
 *     (instanceType, userData, disableApiTermination, ...), as text
 * @param publicIp null when the instance has none (not mapped, or stopped)
 */
public record Instance(
        String id,
        String reservationId,
        String ownerId,
        String imageId,
        String keyName,
        String subnetId,
        String vpcId,
        String availabilityZone,
        String privateIp,
        String publicIp,
        List<String> groupIds,
        Instant launchTime,
        int launchIndex,
        String clientToken,
        String iamInstanceProfileArn,
        boolean monitoring,
        String tenancy,
        String architecture,
        String rootDeviceName,
        List<BlockDevice> blockDevices,
        MetadataOptions metadata,
        String networkInterfaceId,
        String macAddress,
        Map<String, String> attributes,
        String state,
        Instant stateSince,
        String stateReason)
        implements Ec2Resource {

    public Instance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateSince, "stateSince");
        groupIds = List.copyOf(groupIds);
        blockDevices = List.copyOf(blockDevices);
        attributes = Map.copyOf(attributes);
    }

    /**
     * An instance the world file seeds, as state: in the first default subnet of its region, with
     * its given address or 172.31.0.(10+n), launched at the start of 2024.
     */
    public static Instance seeded(SeedInstance s, DefaultVpc vpc, int n) {
        DefaultVpc.Subnet subnet = vpc.subnets().get(0);
        Instant launched = Instant.parse("2024-01-01T00:00:00Z");
        return new Instance(
                s.id(),
                Ids.stableHex("r-", s.id()),
                vpc.accountId(),
                s.imageId(),
                null,
                subnet.id(),
                vpc.vpcId(),
                subnet.availabilityZone(),
                s.privateIp() != null ? s.privateIp() : "172.31.0." + (10 + n),
                null,
                List.of(vpc.defaultGroupId()),
                launched,
                0,
                null,
                null,
                false,
                "default",
                "x86_64",
                "/dev/xvda",
                List.of(new BlockDevice(
                        "/dev/xvda", Ids.stableHex("vol-", s.id()), 8, "gp3", null, true, false, launched)),
                new MetadataOptions("optional", 1, "enabled", "disabled", "disabled"),
                Ids.stableHex("eni-", s.id()),
                "0e:00:00:00:00:" + String.format("%02x", n & 0xff),
                Map.of(
                        "instanceType", s.instanceType(),
                        "sourceDestCheck", "true",
                        "ebsOptimized", "false",
                        "disableApiTermination", "false",
                        "disableApiStop", "false",
                        "instanceInitiatedShutdownBehavior", "stop"),
                s.state(),
                launched,
                null);
    }

    /** One attribute's text, or null. */
    public String attribute(String name) {
        return attributes.get(name);
    }

    /** This instance put in another state (reason: AWS's state transition reason, or null). */
    public Instance withState(String newState, Instant since, String reason) {
        return RecordCodec.with(this, "state", newState, "stateSince", since, "stateReason", reason);
    }

    /** This instance (re)launched at a time, with a public address or none. */
    public Instance withLaunch(Instant time, String newPublicIp) {
        return RecordCodec.with(this, "launchTime", time, "publicIp", newPublicIp);
    }

    /** This instance with other attributes and security groups. */
    public Instance withSettings(Map<String, String> newAttributes, List<String> newGroupIds) {
        return RecordCodec.with(this, "attributes", newAttributes, "groupIds", newGroupIds);
    }
}
