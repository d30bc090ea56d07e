package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.engine.vault.VaultError;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * What an action plugin (a module that works on the engine's own state: {@code set_fact},
 * {@code debug}, {@code assert}...) may use besides the {@link ModuleContext}.
 */
public interface ActionContext extends ModuleContext {

    /** The templar, for evaluating expressions and conditionals. */
    Templar templar();

    /** Every variable visible to the task on this host. */
    Map<String, Object> variables();

    /** The directory of the role the task belongs to, else of the task's file, for relative paths. */
    java.nio.file.Path baseDir();

    /**
     * Finds a file a task names relatively, as Ansible's {@code find_needle}: in the role's (or the
     * playbook's) {@code kind} directory ({@code files}, {@code templates}, {@code vars}), then
     * beside the task's file, then in the playbook directory; absolute names as they are.
     */
    java.nio.file.Path findFile(String kind, String name);

    /**
     * The bytes of a file on the controller a task reads ({@code copy}'s and {@code template}'s
     * source, {@code include_vars}), decrypted when it is vault text, as Ansible's
     * {@code DataLoader.get_real_file} does.
     *
     * @throws ModuleFailure with Ansible's message when no vault secret decrypts it
     */
    default byte[] readControllerFile(java.nio.file.Path file) throws IOException {
        try {
            return templar().vault().decryptIfEncrypted(Files.readAllBytes(file), file.toString());
        } catch (VaultError e) {
            throw new ModuleFailure(e.getMessage());
        }
    }

    /** The task's display name, for prompts. */
    String taskName();

    /** Prints a line on stdout where Ansible's action plugins print ({@code pause}). */
    void display(String line);

    /** Waits, for {@code pause}; tests inject a clock that does not. */
    void sleep(java.time.Duration duration);
}
