package dev.rolehop.aws.ec2;

import dev.rolehop.engine.module.ModuleFailure;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls a description until it reaches the wanted state, as a botocore waiter: the first answer
 * that is already right ends the wait without sleeping (rolehop local, and AWS for most changes,
 * answer settled at once); failing after the last attempt with botocore's words.
 *
 * @param name     the waiter's name in botocore's message ({@code vpc_available})
 * @param delay    the pause between attempts
 * @param attempts the most attempts
 */
record Waiter(String name, Duration delay, int attempts) {

    /** The first description the condition accepts. */
    <T> T until(Supplier<T> describe, Predicate<T> done, String prefix) {
        for (int attempt = 1; ; attempt++) {
            T value = describe.get();
            if (done.test(value)) {
                return value;
            }
            if (attempt >= attempts) {
                throw new ModuleFailure(prefix + ": Waiter " + name + " failed: Max attempts exceeded");
            }
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ModuleFailure(prefix + ": interrupted");
            }
        }
    }
}
