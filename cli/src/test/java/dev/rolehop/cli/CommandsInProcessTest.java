package dev.rolehop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.error.ExitCode;
import dev.rolehop.local.DemoWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Commands run in the test's JVM with their streams passed in ({@link Main#run}): what they print
 * where, and the exit code each outcome has.
 */
class CommandsInProcessTest {

    @TempDir
    Path dir;

    private Path playbook(String tasks) throws IOException {
        return Files.writeString(dir.resolve("site.yml"), """
                - hosts: localhost
                  connection: local
                  gather_facts: false
                  tasks:
                """ + tasks.indent(4));
    }

    @Test
    void aPlayWritesItsResultsToTheGivenStandardOutput() throws IOException {
        Path site = playbook("""
                - name: greet
                  debug:
                    msg: hello from a test
                """);

        InProcessRun run = InProcessRun.of("play", site.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .contains(
                        "TASK [greet] ***",
                        "\"msg\": \"hello from a test\"",
                        "localhost                  : ok=1    changed=0    unreachable=0    failed=0    skipped=0");
        assertThat(run.err()).doesNotContain("hello from a test");
    }

    @Test
    void aPlayWhoseHostFailedExitsWithHostFailed() throws IOException {
        Path site = playbook("""
                - fail:
                    msg: broken on purpose
                """);

        InProcessRun run = InProcessRun.of("play", site.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.HOST_FAILED);
        assertThat(run.out())
                .contains("fatal: [localhost]: FAILED! => {\"changed\": false, \"msg\": \"broken on purpose\"}");
    }

    @Test
    void aPlaybookThatIsNotYamlIsAParserErrorOnStandardError() throws IOException {
        Path site = Files.writeString(dir.resolve("site.yml"), "- hosts: [localhost\n");

        InProcessRun run = InProcessRun.of("play", site.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.PARSER_ERROR);
        assertThat(run.err())
                .contains("ERROR! We were unable to read either as JSON nor YAML", "site.yml': line 2, column 1");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anOutputFormatOtherThanTextOrJsonIsABadOption() {
        InProcessRun run = InProcessRun.of("play", "--output", "yaml", "site.yml");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_OPTIONS);
        assertThat(run.err()).isEqualTo("ERROR! --output must be text or json, got 'yaml'\n");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void localInitSaysOnStandardOutputWhatItWrote() {
        InProcessRun run = InProcessRun.of("local", "init", dir.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out())
                .startsWith("wrote " + dir.resolve("world.yml") + ", ")
                .contains("next: rolehop local --world ");
        assertThat(dir.resolve("world.yml")).exists();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void localMfaCodePrintsTheDevicesCurrentCode() {
        InProcessRun.of("local", "init", dir.toString());

        InProcessRun run = InProcessRun.of(
                "local", "mfa-code", "--world", dir.resolve("world.yml").toString(), "--serial", DemoWorld.MFA_SERIAL);

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).matches("[0-9]{6}\n");
    }

    @Test
    void localMfaCodeOfAMissingWorldIsAnErrorOnStandardError() {
        InProcessRun run = InProcessRun.of(
                "local", "mfa-code", "--world", dir.resolve("none.yml").toString(), "--serial", DemoWorld.MFA_SERIAL);

        assertThat(run.exitCode()).isEqualTo(ExitCode.ERROR);
        assertThat(run.err()).startsWith("rolehop local mfa-code: ");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void profilesWithAnUnknownOutputFormatIsAUsageError() {
        InProcessRun run = InProcessRun.of("profiles", "--output", "yaml");

        assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).isEqualTo("rolehop profiles: --output must be text or json, not 'yaml'\n");
    }

    @Test
    void rolehopWithoutACommandPrintsItsUsageOnStandardError() {
        InProcessRun run = InProcessRun.of();

        assertThat(run.exitCode()).isEqualTo(ExitCode.OK);
        assertThat(run.err()).startsWith("Usage: rolehop ").contains("play", "whoami", "local");
        assertThat(run.out()).isEmpty();
    }
}
