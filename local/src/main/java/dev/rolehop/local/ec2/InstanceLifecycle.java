package dev.rolehop.local.ec2;

import dev.rolehop.local.state.Instance;
import dev.rolehop.local.world.InstanceTiming;
import java.time.Instant;
import java.util.Map;

/**
 * The instance state machine on the service clock (NAT gateways use its timing too): pending becomes running, stopping becomes
 * stopped and shutting-down becomes terminated once the world's transition time has passed
 * since the change; a terminated instance disappears after its visible time.
 */
final class InstanceLifecycle {

    /** EC2's state codes. */
    static final Map<String, Integer> CODES =
            Map.of("pending", 0, "running", 16, "shutting-down", 32, "terminated", 48, "stopping", 64, "stopped", 80);

    private static final Map<String, String> SETTLES_AS =
            Map.of("pending", "running", "stopping", "stopped", "shutting-down", "terminated");

    private final InstanceTiming timing;

    InstanceLifecycle(InstanceTiming timing) {
        this.timing = timing;
    }

    /** The state a caller sees now. */
    String state(Instance i, Instant now) {
        return settled(i.state(), i.stateSince(), now, SETTLES_AS);
    }

    /**
     * The state a caller sees now of anything whose passing states take the world's transition
     * time (NAT gateways too): the stored state, or what it settles as once that time has passed.
     */
    String settled(String stored, Instant since, Instant now, Map<String, String> settlesAs) {
        String settled = settlesAs.get(stored);
        if (settled != null && !now.isBefore(since.plusSeconds(timing.transitionSeconds()))) {
            return settled;
        }
        return stored;
    }

    /** Whether something that settled in a final state at {@code settledAt} is still listed. */
    boolean stillListed(Instant settledAt, Instant now) {
        return now.isBefore(settledAt.plusSeconds(timing.terminatedVisibleSeconds()));
    }

    /** When a passing state entered at {@code since} settles. */
    Instant settlesAt(Instant since) {
        return since.plusSeconds(timing.transitionSeconds());
    }

    /** When the instance reached the state a caller sees (the end of a passing state once it settled). */
    Instant since(Instance i, Instant now) {
        return state(i, now).equals(i.state()) ? i.stateSince() : settlesAt(i.stateSince());
    }

    /** Whether a caller still sees the instance (terminated ones go after a while). */
    boolean visible(Instance i, Instant now) {
        return !state(i, now).equals("terminated") || stillListed(since(i, now), now);
    }
}
