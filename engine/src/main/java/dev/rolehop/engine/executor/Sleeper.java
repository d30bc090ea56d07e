package dev.rolehop.engine.executor;

import java.time.Duration;

/** Waits between {@code until} retries and for {@code pause}; tests inject one that does not sleep. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration);

    /** Really waits. */
    static Sleeper system() {
        return duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }
}
