package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.template.Templar;
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

    /** The task's display name, for prompts. */
    String taskName();

    /** Prints a line on stdout where Ansible's action plugins print ({@code pause}). */
    void display(String line);

    /** Waits, for {@code pause}; tests inject a clock that does not. */
    void sleep(java.time.Duration duration);
}
