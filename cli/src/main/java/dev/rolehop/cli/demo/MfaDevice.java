package dev.rolehop.cli.demo;

import dev.rolehop.local.LocalAws;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The demo's virtual MFA device, read as its owner would read the phone app: a fresh code each
 * time. AWS (and rolehop local) accepts a code once, within one 30-second step either side, so
 * this hands out the previous, current and next codes, oldest first (an endpoint may refuse a
 * code older than one it accepted), before waiting for a new step.
 */
final class MfaDevice {

    private static final Duration STEP = Duration.ofSeconds(30);

    private final Path world;
    private final String serial;
    private final Clock clock;
    private final Set<String> used = new HashSet<>();

    MfaDevice(Path world, String serial, Clock clock) {
        this.world = world;
        this.serial = serial;
        this.clock = clock;
    }

    String serial() {
        return serial;
    }

    /** A code the endpoint has not seen yet, waiting for the next step if all usable ones are spent. */
    String freshCode() throws InterruptedException {
        while (true) {
            Instant now = clock.instant();
            for (Instant at : new Instant[] {now.minus(STEP), now, now.plus(STEP)}) {
                String code = LocalAws.mfaCode(world, serial, at);
                if (used.add(code)) {
                    return code;
                }
            }
            Thread.sleep(STEP.toMillis() - now.toEpochMilli() % STEP.toMillis() + 50);
        }
    }
}
