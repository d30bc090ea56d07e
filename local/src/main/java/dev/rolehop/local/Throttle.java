package dev.rolehop.local;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides which requests are throttled: every Nth one, counted over all callers, so a test or a
 * dry run sees throttling at a known rhythm instead of by chance.
 */
final class Throttle {

    private final int every;
    private final AtomicLong requests = new AtomicLong();

    /** A throttle that answers every {@code every}th request; 0 never throttles. */
    Throttle(int every) {
        this.every = every;
    }

    /** Counts a request; true when it is to be throttled. */
    boolean next() {
        return every > 0 && requests.incrementAndGet() % every == 0;
    }
}
