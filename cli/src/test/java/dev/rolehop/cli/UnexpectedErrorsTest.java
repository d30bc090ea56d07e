package dev.rolehop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.error.ExitCode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class UnexpectedErrorsTest {

    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug");
        }
    }

    @Test
    void anExceptionNoCommandExpectedIsOneLineOnStandardErrorAndExitCode250() {
        var err = new StringWriter();
        CommandLine command = new CommandLine(new Boom());
        command.setErr(new PrintWriter(err));
        command.setExecutionExceptionHandler(new UnexpectedErrors());

        int exitCode = command.execute();

        assertThat(exitCode).isEqualTo(ExitCode.UNEXPECTED);
        assertThat(err)
                .hasToString(
                        "boom: unexpected error, this is probably a bug: java.lang.IllegalStateException: a bug\n");
    }
}
