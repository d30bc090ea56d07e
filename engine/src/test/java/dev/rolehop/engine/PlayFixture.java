package dev.rolehop.engine;

import dev.rolehop.engine.builtin.BuiltinModules;
import dev.rolehop.engine.executor.Prompter;
import dev.rolehop.engine.executor.RunOptions;
import dev.rolehop.engine.module.ModuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A project folder for engine tests: files written into it, playbooks run on it with the
 * built-in modules, and what the run printed.
 */
final class PlayFixture {

    private final Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    PlayFixture(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    /** Writes a file (relative to the folder), creating its parent folders. */
    PlayFixture file(String path, String text) {
        try {
            Path file = dir.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code playbook.yml} and runs it; returns the exit code. */
    int play(String playbook, RunOptions options) {
        file("playbook.yml", playbook);
        return run(options, "playbook.yml");
    }

    /** Runs playbooks already written into the folder, in order; returns the exit code. */
    int run(RunOptions options, String... playbooks) {
        List<Path> files = java.util.Arrays.stream(playbooks).map(dir::resolve).toList();
        Engine engine = new Engine(new ModuleRegistry(new BuiltinModules().modules()), Prompter.none(), delay -> {});
        return engine.run(
                new PlayRequest(
                        files,
                        List.of(),
                        options.withEnvironment(Map.of("PATH", "/usr/bin:/bin")),
                        PlayRequest.Mode.RUN,
                        false),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
    }

    /** What the runs printed on stdout, the folder's path replaced by {@code <DIR>}. */
    String stdout() {
        return out.toString(StandardCharsets.UTF_8).replace(dir.toString(), "<DIR>");
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
