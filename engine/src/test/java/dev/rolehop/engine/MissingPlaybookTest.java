package dev.rolehop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.builtin.BuiltinModules;
import dev.rolehop.engine.executor.Prompter;
import dev.rolehop.engine.executor.RunOptions;
import dev.rolehop.engine.module.ModuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MissingPlaybookTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int play(Path playbook) {
        Engine engine = new Engine(new ModuleRegistry(new BuiltinModules().modules()), Prompter.none(), d -> {});
        return engine.run(
                new PlayRequest(List.of(playbook), List.of(), RunOptions.defaults(), PlayRequest.Mode.RUN, false),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
    }

    @Test
    void aPlaybookThatDoesNotExistIsAnErrorWithExitCode1() {
        int rc = play(Path.of("no-such-playbook.yml"));

        assertThat(rc).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("ERROR! the playbook: no-such-playbook.yml could not be found\n");
    }

    @Test
    void aDirectoryIsNotAPlaybook() {
        int rc = play(dir);

        assertThat(rc).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("ERROR! the playbook: " + dir + " does not appear to be a file\n");
    }
}
