package dev.rolehop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rolehop play} reports usage errors as ansible-playbook's argparse does: exit code 2. */
class PlayUsageErrorsTest {

    private InProcessRun run;

    private int run(String... args) {
        run = InProcessRun.of(args);
        return run.exitCode();
    }

    private String stderr() {
        return run.err();
    }

    @Test
    void anUnknownOptionIsAnUnrecognizedArgument() {
        int rc = run("play", "--no-such-option", "site.yml");

        assertThat(rc).isEqualTo(2);
        assertThat(stderr())
                .startsWith("Usage: rolehop play ")
                .endsWith("\nrolehop play: error: unrecognized arguments: --no-such-option\n");
    }

    @Test
    void aMissingPlaybookIsARequiredArgument() {
        int rc = run("play", "-v");

        assertThat(rc).isEqualTo(2);
        assertThat(stderr())
                .startsWith("Usage: rolehop play ")
                .endsWith("\nrolehop play: error: the following arguments are required: PLAYBOOK\n");
    }

    @Test
    void aBarePlayPrintsTheWholeHelp() {
        int rc = run("play");

        assertThat(rc).isEqualTo(2);
        assertThat(stderr())
                .startsWith("Usage: rolehop play ")
                .contains("-e, --extra-vars=EXTRA_VARS")
                .doesNotContain("error:");
    }

    @Test
    void forksBelowOneIsAUsageError() {
        int rc = run("play", "-f", "0", "site.yml");

        assertThat(rc).isEqualTo(2);
        assertThat(stderr()).endsWith("\nrolehop play: error: The number of processes (--forks) must be >= 1\n");
    }

    @Test
    void anAtFileExtraVarIsLeftToAnsiblesParserNotExpandedByPicocli(@TempDir Path dir) throws IOException {
        Path vars = dir.resolve("vars.yml");
        Files.writeString(vars, "from_file: 1\n");

        int rc = run("play", "-e", "@" + vars, "no-such-playbook.yml");

        assertThat(rc).isEqualTo(1);
        assertThat(stderr()).isEqualTo("ERROR! the playbook: no-such-playbook.yml could not be found\n");
    }
}
