package dev.rolehop.local.world;

/**
 * How long EC2 instances take in rolehop local: each passing state ({@code pending},
 * {@code stopping}, {@code shutting-down}) lasts {@code transitionSeconds} on the service clock,
 * and a terminated instance stays visible {@code terminatedVisibleSeconds}.
 *
 * <p>The default transition of 0 s answers the passing state in the response of the call that
 * caused it (RunInstances answers {@code pending}) and the settled state to every later call, so
 * waiters (Ansible's poll every 15 s) never wait; AWS keeps terminated instances about an hour.
 */
public record InstanceTiming(int transitionSeconds, int terminatedVisibleSeconds) {

    /** The defaults: no transition time, terminated instances visible for an hour. */
    public static final InstanceTiming DEFAULT = new InstanceTiming(0, 3600);

    public InstanceTiming {
        if (transitionSeconds < 0 || terminatedVisibleSeconds < 0) {
            throw new IllegalArgumentException("instance timings are 0 seconds or more");
        }
    }
}
