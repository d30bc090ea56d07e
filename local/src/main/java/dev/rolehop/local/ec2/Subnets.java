package dev.rolehop.local.ec2;

import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.world.DefaultVpc;
import java.util.Optional;

/**
 * Where instances and interfaces find their subnet. Today the subnets are the default VPC's;
 * this is the one place to point at stored subnets once VPCs can be created.
 */
final class Subnets {

    /** A subnet as instances need it. */
    record Subnet(String id, String vpcId, String availabilityZone, String cidrBlock, boolean mapPublicIpOnLaunch) {}

    private Subnets() {}

    /** The subnet with this id in the caller's region. */
    static Optional<Subnet> find(DefaultVpc vpc, String subnetId) {
        return vpc.subnets().stream()
                .filter(s -> s.id().equals(subnetId))
                .findFirst()
                .map(s -> of(vpc, s));
    }

    /** The subnet with this id, or EC2's not-found error. */
    static Subnet require(DefaultVpc vpc, String subnetId) {
        return find(vpc, subnetId)
                .orElseThrow(() -> AwsErrorCode.INVALID_SUBNET_ID_NOT_FOUND.error(
                        "The subnet ID '" + subnetId + "' does not exist"));
    }

    /** The default subnet of a zone, or of the first zone when none is named. */
    static Subnet defaultFor(DefaultVpc vpc, String availabilityZone) {
        return vpc.subnets().stream()
                .filter(s -> availabilityZone == null || s.availabilityZone().equals(availabilityZone))
                .findFirst()
                .map(s -> of(vpc, s))
                .orElseThrow(() -> AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                        "Invalid availability zone: [" + availabilityZone + "]"));
    }

    private static Subnet of(DefaultVpc vpc, DefaultVpc.Subnet s) {
        return new Subnet(s.id(), vpc.vpcId(), s.availabilityZone(), s.cidrBlock(), true);
    }
}
