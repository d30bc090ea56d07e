package dev.rolehop.engine.builtin;

import dev.rolehop.engine.template.PythonText;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.python.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;

/**
 * The status file of an async job, where and as Ansible's {@code async_wrapper} keeps it:
 * {@code <async_dir>/<jid>}, holding {@code {"started": 1, "finished": 0, "ansible_job_id": JID}}
 * while the job runs and the module's result (JSON) once it is done, each written whole through a
 * {@code .tmp} file and a rename, so a reader never sees half a file.
 *
 * @param dir the async directory, {@code ~} expanded
 * @param jid the job id
 */
public record AsyncJobFile(Path dir, String jid) {

    /** Ansible's {@code async_dir} default (the shell plugins' option). */
    static final String DEFAULT_DIR = "~/.ansible_async";

    /**
     * The async directory of a task, as Ansible's shell option {@code async_dir} resolves it: the
     * {@code ansible_async_dir} variable, else {@code ANSIBLE_ASYNC_DIR}, else
     * {@code ~/.ansible_async}; {@code ~} is the user's home.
     */
    public static Path dir(Map<String, Object> vars, Templar templar, Map<String, String> environment) {
        Object configured = vars.get("ansible_async_dir");
        String dir = configured != null
                ? PythonText.str(templar.template(configured, vars))
                : environment.getOrDefault("ANSIBLE_ASYNC_DIR", DEFAULT_DIR);
        if (dir.equals("~") || dir.startsWith("~/")) {
            dir = System.getProperty("user.home") + dir.substring(1);
        }
        return Path.of(dir);
    }

    /** The file's path, as Ansible shows it ({@code results_file}, {@code erased}). */
    public Path path() {
        return dir.resolve(jid);
    }

    /** Writes the job's state, creating the async directory if needed. */
    public void write(Map<String, Object> state) {
        try {
            Files.createDirectories(dir);
            Path partial = dir.resolve(jid + ".tmp");
            Files.writeString(partial, Json.dumps(state), StandardCharsets.UTF_8);
            Files.move(partial, path(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the async job file " + path() + ": " + e.getMessage(), e);
        }
    }

    /**
     * What the file holds: empty when there is no file; the text when it does not read as JSON
     * (a {@link String}), else the decoded value.
     */
    public Optional<Object> read() {
        String text;
        try {
            text = Files.readString(path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.loads(text));
        } catch (RuntimeException e) {
            return Optional.of(text);
        }
    }

    /** Whether the file exists. */
    public boolean exists() {
        return Files.exists(path());
    }

    /** Removes the file ({@code mode: cleanup}). */
    public void delete() {
        try {
            Files.deleteIfExists(path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove the async job file " + path() + ": " + e.getMessage(), e);
        }
    }
}
