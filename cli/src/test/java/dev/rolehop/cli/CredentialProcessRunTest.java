package dev.rolehop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The plain {@code creds} lines answered without picocli mean what picocli makes of them, and every
 * other line is left to picocli.
 */
class CredentialProcessRunTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "creds",
                "creds --profile lab --format process",
                "creds --format process --profile lab",
                "creds --profile=lab --format=json",
                "creds --profile= --format env",
                "creds --profile lab --mfa-token 123456 --no-cache",
                "creds --no-cache --format=process --mfa-token=000000 --profile a/b:c"
            })
    void aPlainLineIsReadAsPicocliReadsIt(String line) {
        String[] args = line.split(" ", -1);
        CredentialProcessRun plain = CredentialProcessRun.parse(args).orElseThrow();

        CredsCommand command = new CredsCommand();
        new CommandLine(command).parseArgs(Arrays.copyOfRange(args, 1, args.length));
        assertThat(plain).usingRecursiveComparison().isEqualTo(new Expected(command.credentials, command.format));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "play site.yml",
                "whoami --profile lab",
                "creds --help",
                "creds -h",
                "creds -V",
                "creds --clear --profile lab",
                "creds --profile lab --profile other",
                "creds --profile",
                "creds --profile --format process",
                "creds --format PROCESS",
                "creds --format yaml",
                "creds --no-cache=true",
                "creds --profil lab",
                "creds lab"
            })
    void anyOtherLineIsLeftToPicocli(String line) {
        assertThat(CredentialProcessRun.parse(line.split(" "))).isEmpty();
    }

    @Test
    void picocliStillExplainsWhatThePlainPathLeavesIt() {
        InProcessRun run = InProcessRun.of("creds", "--format", "yaml");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--format").contains("yaml");
    }

    /** What picocli parsed, in the plain run's shape. */
    private record Expected(CredsOptions credentials, CredsFormat format) {}
}
