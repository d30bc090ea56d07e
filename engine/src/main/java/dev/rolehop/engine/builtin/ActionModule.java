package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;

/**
 * A built-in module that needs the engine's state, as Ansible's action plugins do. The executor
 * calls {@link #run(ModuleArgs, ActionContext)}; the plain entry point refuses, since such a
 * module cannot run without the engine.
 */
public interface ActionModule extends Module {

    ModuleResult run(ModuleArgs args, ActionContext context);

    /** Whether any argument name is accepted ({@code set_fact}, {@code set_stats} data). */
    default boolean acceptsAnyArguments() {
        return false;
    }

    /**
     * Whether the action runs once per task, for the first host, and acts for the whole play
     * ({@code add_host}), as Ansible's {@code BYPASS_HOST_LOOP} actions do.
     */
    default boolean bypassesHostLoop() {
        return false;
    }

    /** Arguments the action receives as written, to template itself ({@code assert}'s {@code that}). */
    default java.util.Set<String> untemplatedArguments() {
        return java.util.Set.of();
    }

    /**
     * Whether Ansible's action plugin checks the arguments itself ({@code validate_argument_spec}),
     * so that a refused argument fails the task as an {@code AnsibleActionFail}, with its exception.
     */
    default boolean validatesArgumentSpec() {
        return false;
    }

    /** Ansible's action plugins refuse {@code async} ({@code "async is not supported for this task."}). */
    @Override
    default boolean supportsAsync() {
        return false;
    }

    @Override
    default ModuleResult run(ModuleArgs args, ModuleContext context) {
        if (context instanceof ActionContext action) {
            return run(args, action);
        }
        throw new ModuleFailure(name() + " runs only inside the playbook engine");
    }
}
