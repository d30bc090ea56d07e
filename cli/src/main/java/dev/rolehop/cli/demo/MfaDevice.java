package dev.rolehop.cli.demo;

import dev.rolehop.local.LocalAws;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The demo's virtual MFA device, read as its owner would read the phone app: a fresh code each
 * time. AWS (and rolehop local) accepts each code once, within one 30-second step either side,
 * so this hands out the current and the next code, then waits for the device to show a new one.
 * Never the previous code: a slow first run (before the launcher's class-data-sharing archive
 * exists) can outlast its window.
 */
final class MfaDevice {

    private static final Duration STEP = Duration.ofSeconds(30);

    private final Path world;
    private final String serial;
    private final Clock clock;
    private final Set<String> used = new HashSet<>();

    private final PrintStream out;

    MfaDevice(Path world, String serial, Clock clock, PrintStream out) {
        this.world = world;
        this.serial = serial;
        this.clock = clock;
        this.out = out;
    }

    /** A code the endpoint has not seen yet, waiting for the next step if all usable ones are spent. */
    String freshCode() throws InterruptedException {
        while (true) {
            Instant now = clock.instant();
            for (Instant at : new Instant[] {now, now.plus(STEP)}) {
                String code = LocalAws.mfaCode(world, serial, at);
                if (used.add(code)) {
                    return code;
                }
            }
            long wait = STEP.toMillis() - now.toEpochMilli() % STEP.toMillis() + 50;
            out.printf("  (waiting %d s for the device's next code: AWS accepts each code once)%n", wait / 1000 + 1);
            Thread.sleep(wait);
        }
    }
}
