package dev.rolehop.cli.aws;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every end-to-end test of AWS modules starts from: a fresh folder, a {@link PackagedRolehop}
 * with its own {@code rolehop local} for each test, and a playbook written there.
 */
abstract class PlaybooksOnLocal {

    @TempDir
    Path dir;

    PackagedRolehop rolehop;

    @BeforeEach
    void start() {
        rolehop = new PackagedRolehop(dir);
    }

    @AfterEach
    void stop() {
        rolehop.close();
    }

    /** Writes {@code playbook.yml} into the test's folder. */
    Path playbook(String yaml) throws IOException {
        return Files.writeString(dir.resolve("playbook.yml"), yaml);
    }
}
