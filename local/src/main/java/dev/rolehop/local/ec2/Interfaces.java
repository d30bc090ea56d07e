package dev.rolehop.local.ec2;

import dev.rolehop.local.state.Instance;
import dev.rolehop.local.state.NetworkInterface;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.world.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The network interfaces of a region as callers see them: the stored ones (created on their own or
 * for NAT gateways) and each live instance's primary interface, which the instance itself holds
 * (one private address, attached at device index 0, deleted with the instance).
 */
final class Interfaces {

    private Interfaces() {}

    /** Every interface: the stored ones, then the primary ones of instances not terminated. */
    static List<NetworkInterface> all(RegionState r, InstanceLifecycle lifecycle, Instant now) {
        List<NetworkInterface> out = new ArrayList<>(r.resources(NetworkInterface.class));
        r.resources(Instance.class).stream()
                .filter(i -> !lifecycle.state(i, now).equals("terminated"))
                .map(Interfaces::primary)
                .forEach(out::add);
        return out;
    }

    /** The interface with this id, or AWS's InvalidNetworkInterfaceID.NotFound. */
    static NetworkInterface find(RegionState r, InstanceLifecycle lifecycle, Instant now, String id) {
        return all(r, lifecycle, now).stream()
                .filter(n -> n.id().equals(id))
                .findFirst()
                .orElseThrow(() -> notFound(id));
    }

    /**
     * The private addresses taken in a subnet: those of its instances not terminated and of its
     * stored interfaces (a copy the caller may add to).
     */
    static Set<String> usedAddresses(RegionState r, InstanceLifecycle lifecycle, Instant now, String subnetId) {
        Set<String> used = new HashSet<>();
        all(r, lifecycle, now).stream()
                .filter(n -> n.subnetId().equals(subnetId))
                .forEach(n -> used.addAll(n.privateIps()));
        return used;
    }

    /** The instance whose primary interface this is, if it is one. */
    static Optional<Instance> primaryOf(RegionState r, String interfaceId) {
        return r.resources(Instance.class).stream()
                .filter(i -> interfaceId.equals(i.networkInterfaceId()))
                .findFirst();
    }

    /** The interfaces attached to an instance, its primary one first. */
    static List<NetworkInterface> of(RegionState r, Instance instance) {
        List<NetworkInterface> out = new ArrayList<>();
        out.add(primary(instance));
        r.resources(NetworkInterface.class).stream()
                .filter(n ->
                        n.attachment() != null && n.attachment().instanceId().equals(instance.id()))
                .forEach(out::add);
        return out;
    }

    /** An instance's primary interface as an interface. */
    static NetworkInterface primary(Instance i) {
        return new NetworkInterface(
                i.networkInterfaceId(),
                i.ownerId(),
                i.subnetId(),
                i.vpcId(),
                i.availabilityZone(),
                "",
                i.macAddress(),
                List.of(i.privateIp()),
                i.groupIds(),
                Boolean.parseBoolean(i.attribute("sourceDestCheck")),
                "interface",
                new NetworkInterface.Attachment(
                        Ids.stableHex("eni-attach-", i.networkInterfaceId()), i.id(), 0, i.launchTime(), true));
    }

    static AwsException notFound(String id) {
        return Ec2Errors.notFound(AwsErrorCode.INVALID_NETWORK_INTERFACE_ID_NOT_FOUND, "networkInterface", id);
    }
}
