package dev.rolehop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rolehop play} reports usage errors as ansible-playbook's argparse does: exit code 2. */
class PlayUsageErrorsTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureStderr() {
        originalErr = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreStderr() {
        System.setErr(originalErr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnknownOptionIsAnUnrecognizedArgument() {
        int rc = Main.run("play", "--no-such-option", "site.yml");

        assertThat(rc).isEqualTo(2);
        assertThat(stderr()).startsWith("Usage: rolehop play ")
                .endsWith("\nrolehop play: error: unrecognized arguments: --no-such-option\n");
    }

    @Test
    void aMissingPlaybookIsARequiredArgument() {
        int rc = Main.run("play", "-v");

        assertThat(rc).isEqualTo(2);
        assertThat(stderr()).startsWith("Usage: rolehop play ")
                .endsWith("\nrolehop play: error: the following arguments are required: PLAYBOOK\n");
    }

    @Test
    void aBarePlayPrintsTheWholeHelp() {
        int rc = Main.run("play");

        assertThat(rc).isEqualTo(2);
        assertThat(stderr()).startsWith("Usage: rolehop play ").contains("-e, --extra-vars=EXTRA_VARS")
                .doesNotContain("error:");
    }

    @Test
    void forksBelowOneIsAUsageError() {
        int rc = Main.run("play", "-f", "0", "site.yml");

        assertThat(rc).isEqualTo(2);
        assertThat(stderr()).endsWith("\nrolehop play: error: The number of processes (--forks) must be >= 1\n");
    }

    @Test
    void anAtFileExtraVarIsLeftToAnsiblesParserNotExpandedByPicocli(@TempDir Path dir) throws IOException {
        Path vars = dir.resolve("vars.yml");
        Files.writeString(vars, "from_file: 1\n");

        int rc = Main.run("play", "-e", "@" + vars, "no-such-playbook.yml");

        assertThat(rc).isEqualTo(1);
        assertThat(stderr()).isEqualTo("ERROR! the playbook: no-such-playbook.yml could not be found\n");
    }
}
