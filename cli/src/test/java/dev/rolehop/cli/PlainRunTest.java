package dev.rolehop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The plain {@code creds}, {@code whoami} and {@code exec} lines answered without picocli mean what picocli makes
 * of them, and every other line is left to picocli.
 */
class PlainRunTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "creds",
                "creds --profile lab --format process",
                "creds --format process --profile lab",
                "creds --profile=lab --format=json",
                "creds --profile= --format env",
                "creds --profile lab --mfa-token 123456 --no-cache",
                "creds --no-cache --format=process --mfa-token=000000 --profile a/b:c",
                "whoami",
                "whoami --profile lab --output json",
                "whoami --output=text --no-cache --mfa-token 654321 --profile=x",
                "exec --profile lab -- aws sts get-caller-identity --profile other",
                "exec -- env",
                "exec --no-cache --profile=lab --",
                "exec --mfa-token 123456 -- sh -c --help"
            })
    void aPlainLineIsReadAsPicocliReadsIt(String line) {
        String[] args = line.split(" ", -1);
        PlainRun plain = PlainRun.parse(args).orElseThrow();

        String[] options = Arrays.copyOfRange(args, 1, args.length);
        switch (args[0]) {
            case CredsCommand.NAME -> {
                CredsCommand command = new CredsCommand();
                new CommandLine(command).parseArgs(options);
                assertThat(plain.credentials()).usingRecursiveComparison().isEqualTo(command.credentials);
                assertThat(plain.choice(CredsCommand.DEFAULT_FORMAT)).isEqualTo(command.format.name());
            }
            case WhoamiCommand.NAME -> {
                WhoamiCommand command = new WhoamiCommand();
                new CommandLine(command).parseArgs(options);
                assertThat(plain.credentials()).usingRecursiveComparison().isEqualTo(command.credentials);
                assertThat(plain.choice(WhoamiCommand.DEFAULT_OUTPUT)).isEqualTo(command.output.name());
            }
            default -> {
                ExecCommand command = new ExecCommand();
                new CommandLine(command).parseArgs(options);
                assertThat(plain.credentials()).usingRecursiveComparison().isEqualTo(command.credentials);
                assertThat(plain.command()).isEqualTo(command.command == null ? List.of() : command.command);
                assertThat(command.server).isFalse();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "play site.yml",
                "exec --profile lab aws s3 ls",
                "exec --server --profile lab -- aws s3 ls",
                "exec --profile lab",
                "exec",
                "creds --help",
                "creds -h",
                "creds -V",
                "creds --clear --profile lab",
                "creds --profile lab --profile other",
                "creds --profile",
                "creds --profile --format process",
                "creds --format PROCESS",
                "creds --format yaml",
                "creds --output json",
                "creds --no-cache=true",
                "creds --profil lab",
                "creds lab",
                "whoami --format process",
                "whoami --output yaml",
                "whoami --help"
            })
    void anyOtherLineIsLeftToPicocli(String line) {
        assertThat(PlainRun.parse(line.split(" "))).isEmpty();
    }

    @Test
    void picocliStillExplainsWhatThePlainPathLeavesIt() {
        InProcessRun run = InProcessRun.of("creds", "--format", "yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format").contains("yaml");
    }
}
