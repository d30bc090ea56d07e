package dev.rolehop.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A rolehop command line run in the test's JVM through {@link Main#run}, its standard output and
 * error captured.
 *
 * @param exitCode what the run returned
 * @param out      what it wrote to standard output
 * @param err      what it wrote to standard error
 */
record InProcessRun(int exitCode, String out, String err) {

    static InProcessRun of(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exitCode = Main.run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new InProcessRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
