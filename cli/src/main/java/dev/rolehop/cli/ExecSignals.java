package dev.rolehop.cli;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import sun.misc.Signal;

/**
 * Signal handling around {@code rolehop exec}'s command, as a shell does for a foreground job:
 * Ctrl-C (SIGINT) reaches the command from the terminal directly, so rolehop ignores it and
 * exits with the command's status (SIGQUIT stays the JVM's: it prints a thread dump); SIGTERM and SIGHUP, sent to rolehop alone, are passed
 * on to the command. Installed before the command starts, so no early signal is lost.
 */
final class ExecSignals {

    private final AtomicReference<Process> command = new AtomicReference<>();
    private final AtomicBoolean terminate = new AtomicBoolean();

    private ExecSignals() {}

    /** Installs the handlers; call {@link #forwardTo} once the command has started. */
    static ExecSignals install() {
        ExecSignals signals = new ExecSignals();
        Signal.handle(new Signal("INT"), signal -> {});
        for (String forwarded : new String[] {"TERM", "HUP"}) {
            Signal.handle(new Signal(forwarded), signal -> signals.terminate());
        }
        return signals;
    }

    /** The command that receives forwarded signals (at once, if one came while it was starting). */
    void forwardTo(Process process) {
        command.set(process);
        if (terminate.get()) {
            process.destroy();
        }
    }

    private void terminate() {
        terminate.set(true);
        Process process = command.get();
        if (process != null) {
            process.destroy();
        }
    }
}
