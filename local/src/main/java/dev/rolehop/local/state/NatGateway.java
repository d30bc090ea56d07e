package dev.rolehop.local.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A NAT gateway. {@code state} is the state it was last put in ({@code pending}, {@code failed}
 * or {@code deleting}) at {@code stateSince}; callers see pending become available and deleting
 * become deleted on the service clock.
 *
 * @param connectivityType {@code public} or {@code private}
 * @param allocationId its Elastic IP address (public gateways), or null
 * @param networkInterfaceId its interface, null once deleted or when it failed
 * @param clientToken the request's idempotency token, or null
 * @param failureCode AWS's reason for a failed gateway, or null
 */
public record NatGateway(
        String id,
        String ownerId,
        String subnetId,
        String vpcId,
        String connectivityType,
        String allocationId,
        String publicIp,
        String networkInterfaceId,
        String privateIp,
        String clientToken,
        Instant createTime,
        Instant deleteTime,
        String state,
        Instant stateSince,
        String failureCode,
        String failureMessage)
        implements Ec2Resource {

    public NatGateway {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subnetId, "subnetId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(stateSince, "stateSince");
        Objects.requireNonNull(createTime, "createTime");
    }

    /** This gateway being deleted from a time on. */
    public NatGateway deleting(Instant now) {
        return RecordCodec.with(this, "state", "deleting", "stateSince", now, "deleteTime", now);
    }
}
