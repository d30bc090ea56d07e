package dev.rolehop.local.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An elastic network interface created on its own (CreateNetworkInterface) or for a NAT gateway;
 * an instance's primary interface is part of its {@link Instance} instead.
 *
 * @param privateIps the interface's private IPv4 addresses, the primary one first
 * @param interfaceType {@code interface}, or {@code nat_gateway} for a NAT gateway's
 * @param attachment the instance it is attached to, or null
 */
public record NetworkInterface(
        String id,
        String ownerId,
        String subnetId,
        String vpcId,
        String availabilityZone,
        String description,
        String macAddress,
        List<String> privateIps,
        List<String> groupIds,
        boolean sourceDestCheck,
        String interfaceType,
        Attachment attachment)
        implements Ec2Resource {

    /** An attachment of the interface to an instance at a device index. */
    public record Attachment(
            String attachmentId, String instanceId, int deviceIndex, Instant attachTime, boolean deleteOnTermination) {

        public Attachment {
            Objects.requireNonNull(attachmentId, "attachmentId");
            Objects.requireNonNull(instanceId, "instanceId");
            Objects.requireNonNull(attachTime, "attachTime");
        }
    }

    public NetworkInterface {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subnetId, "subnetId");
        privateIps = List.copyOf(privateIps);
        groupIds = List.copyOf(groupIds);
        if (privateIps.isEmpty()) {
            throw new IllegalArgumentException("a network interface has a primary private address");
        }
    }

    /** The primary private address. */
    public String privateIp() {
        return privateIps.get(0);
    }

    /** This interface attached somewhere (null: detached). */
    public NetworkInterface withAttachment(Attachment newAttachment) {
        return RecordCodec.with(this, "attachment", newAttachment);
    }

    /** This interface with other private addresses (the primary one first). */
    public NetworkInterface withPrivateIps(List<String> ips) {
        return RecordCodec.with(this, "privateIps", ips);
    }

    /** This interface with another description, groups and source/destination check. */
    public NetworkInterface withSettings(String newDescription, List<String> newGroupIds, boolean check) {
        return RecordCodec.with(this, "description", newDescription, "groupIds", newGroupIds, "sourceDestCheck", check);
    }
}
