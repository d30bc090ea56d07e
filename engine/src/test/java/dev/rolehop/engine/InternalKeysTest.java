package dev.rolehop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Ansible's {@code _ansible_*} result keys exist only where a typed task result is projected to
 * Ansible's dict shape: what {@code register} stores and what callbacks show (and where a module
 * run through Ansible's code is handed its internal arguments and stripped of internal keys).
 */
class InternalKeysTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final List<String> PROJECTIONS = List.of(
            "dev/rolehop/engine/executor/Registered.java",
            "dev/rolehop/engine/output/ResultView.java",
            // Not result keys: the internal module arguments Ansible passes a module it runs, and the
            // internal keys a module's own output may carry, which Ansible's action plugin removes.
            "dev/rolehop/engine/delegate/DelegatedModule.java",
            "dev/rolehop/engine/delegate/ModuleOutput.java");

    @Test
    void internalResultKeysAppearOnlyInTheTwoProjections() throws IOException {
        assertThat(SOURCES).isDirectory();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<String> users = files.filter(f -> f.toString().endsWith(".java"))
                    .filter(InternalKeysTest::namesAnInternalKey)
                    .map(f -> SOURCES.relativize(f).toString().replace('\\', '/'))
                    .sorted()
                    .toList();
            assertThat(users).isSubsetOf(PROJECTIONS);
        }
    }

    private static boolean namesAnInternalKey(Path file) {
        try {
            return Files.readString(file).contains("\"_ansible_");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
