package dev.rolehop.cli;

import dev.rolehop.engine.template.Templar;
import java.util.Map;

/**
 * Builds a throwaway {@link Templar} on a second core while the main thread parses a {@code play}
 * command line. A Templar is Jinjava with Ansible's filters, tests and lookups; initialising those
 * classes is a good part of a short play's start-up, every play needs them, and picocli's model
 * building leaves the second core mostly idle. The play's own Templar then costs a few
 * milliseconds (alternating re-runs of the seed playbook: 40-70 ms less wall time for the same CPU
 * time, see bench/RESULTS.md). On one core the two would only take turns, so nothing is started
 * there.
 */
final class TemplarWarmUp {

    private TemplarWarmUp() {}

    static void start() {
        if (Runtime.getRuntime().availableProcessors() < 2) {
            return;
        }
        Thread thread = new Thread(TemplarWarmUp::warm, "rolehop-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warm() {
        try {
            new Templar(Map.of());
        } catch (RuntimeException e) {
            // The play's own Templar reports whatever went wrong here.
        }
    }
}
