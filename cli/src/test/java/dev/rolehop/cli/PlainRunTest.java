package dev.rolehop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The plain {@code creds} and {@code whoami} lines answered without picocli mean what picocli makes
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
                "whoami --output=text --no-cache --mfa-token 654321 --profile=x"
            })
    void aPlainLineIsReadAsPicocliReadsIt(String line) {
        String[] args = line.split(" ", -1);
        PlainRun plain = PlainRun.parse(args).orElseThrow();

        String[] options = Arrays.copyOfRange(args, 1, args.length);
        CredsOptions credentials;
        Enum<?> choice;
        String defaultChoice;
        if (args[0].equals(CredsCommand.NAME)) {
            CredsCommand command = new CredsCommand();
            new CommandLine(command).parseArgs(options);
            credentials = command.credentials;
            choice = command.format;
            defaultChoice = CredsCommand.DEFAULT_FORMAT;
        } else {
            WhoamiCommand command = new WhoamiCommand();
            new CommandLine(command).parseArgs(options);
            credentials = command.credentials;
            choice = command.output;
            defaultChoice = WhoamiCommand.DEFAULT_OUTPUT;
        }
        assertThat(plain.credentials()).usingRecursiveComparison().isEqualTo(credentials);
        assertThat(plain.choice() == null ? defaultChoice : plain.choice()).isEqualTo(choice.name());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "play site.yml",
                "exec --profile lab -- aws s3 ls",
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
