package dev.rolehop.cli;

import dev.rolehop.engine.error.ExitCode;
import java.io.PrintStream;
import sun.misc.Signal;

/**
 * Ctrl-C (SIGINT) during {@code rolehop play}, as ansible-playbook answers KeyboardInterrupt:
 * {@code  [ERROR]: User interrupted execution} on stderr, nothing more on stdout, exit code 99.
 * Commands the play started are stopped too, since a SIGINT sent to rolehop alone would leave
 * them running.
 */
final class PlayInterrupt {

    private PlayInterrupt() {}

    /** Installs the handler for the rest of the run; {@code out} is the play's standard output. */
    static void install(PrintStream out, PrintStream err) {
        Signal.handle(new Signal("INT"), signal -> {
            // Holding stdout's monitor (PrintStream writes synchronize on it in Java 17) keeps the
            // play from printing the failure of the commands stopped here before the JVM halts.
            synchronized (out) {
                out.flush();
                ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
                err.println(" [ERROR]: User interrupted execution");
                err.flush();
                Runtime.getRuntime().halt(ExitCode.INTERRUPTED);
            }
        });
    }
}
