package dev.rolehop.local.ec2;

import dev.rolehop.local.state.Instance;
import dev.rolehop.local.world.InstanceTiming;
import java.time.Instant;
import java.util.Map;

/**
 * The instance state machine on the service clock: pending becomes running, stopping becomes
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
        String settled = SETTLES_AS.get(i.state());
        if (settled != null && !now.isBefore(i.stateSince().plusSeconds(timing.transitionSeconds()))) {
            return settled;
        }
        return i.state();
    }

    /** When the instance reached the state a caller sees (the end of a passing state once it settled). */
    Instant since(Instance i, Instant now) {
        return state(i, now).equals(i.state())
                ? i.stateSince()
                : i.stateSince().plusSeconds(timing.transitionSeconds());
    }

    /** Whether a caller still sees the instance (terminated ones go after a while). */
    boolean visible(Instance i, Instant now) {
        return !state(i, now).equals("terminated")
                || now.isBefore(since(i, now).plusSeconds(timing.terminatedVisibleSeconds()));
    }
}
