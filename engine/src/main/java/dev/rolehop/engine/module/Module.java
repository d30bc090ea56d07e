package dev.rolehop.engine.module;

import java.util.Set;

/**
 * A task action: what runs when a task names it ({@code set_fact}, {@code amazon.aws.ec2_security_group}).
 *
 * <p>A module is found by its {@link #name()} or any of its {@link #aliases()} through the
 * {@link ModuleRegistry}. The engine validates and templates arguments against
 * {@link #argumentSpec()} before calling {@link #run}, so a module sees only declared, typed
 * arguments. One instance serves a whole run: a module may keep state across tasks (for example
 * SDK clients), and must be safe to call from several hosts at once.
 */
public interface Module {

    /** The canonical, fully qualified name, e.g. {@code ansible.builtin.set_fact}. */
    String name();

    /** Other names that select this module: short names and legacy names ({@code ec2_group}). */
    default Set<String> aliases() {
        return Set.of();
    }

    /**
     * The action groups this module belongs to, without the {@code group/} prefix ({@code aws}),
     * so that {@code module_defaults: {group/aws: {...}}} applies to it.
     */
    default Set<String> actionGroups() {
        return Set.of();
    }

    /**
     * Whether the module checks its arguments and reports its {@code invocation} itself (a module
     * run through Ansible's own code): the engine then hands it the task's arguments as they are,
     * unvalidated, and adds no invocation of its own.
     */
    default boolean checksOwnArguments() {
        return false;
    }

    /**
     * Whether the task may run the module as an async job ({@code async: N}), as Ansible's
     * {@code normal} action runs every module; Ansible's own action plugins mostly refuse it.
     */
    default boolean supportsAsync() {
        return true;
    }

    /** The arguments this module accepts. */
    ArgumentSpec argumentSpec();

    /**
     * Runs the module once.
     *
     * @param args    the validated arguments, keyed by canonical name; omitted ones are absent
     * @param context what the module may know and use of the run it belongs to
     * @return the result; a failure is a result with {@code failed}, not an exception
     * @throws ModuleFailure as a shortcut for a failed result with a message
     */
    ModuleResult run(ModuleArgs args, ModuleContext context);
}
