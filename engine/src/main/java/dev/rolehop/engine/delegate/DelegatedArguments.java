package dev.rolehop.engine.delegate;

import dev.rolehop.engine.module.ModuleContext;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A hook that adjusts the arguments of modules run through Ansible's code before they are handed
 * over: rolehop's AWS support implements it to resolve a {@code profile:} with rolehop's own
 * credential resolver (role chains, MFA once per session) and hand the module temporary keys.
 * Implementations are found with {@link java.util.ServiceLoader} (one instance per run); the engine
 * knows nothing of what they do.
 */
public interface DelegatedArguments {

    /** Whether this hook adjusts the arguments of the module. */
    boolean appliesTo(ModuleLocation module);

    /**
     * The arguments to hand to the module.
     *
     * @param module    the module about to run
     * @param arguments the task's arguments, templated and merged over its module_defaults
     * @param context   the task's context (its environment, terminal, secrets)
     * @throws dev.rolehop.engine.module.ModuleFailure to fail the task instead of running the module
     */
    Handover adjust(ModuleLocation module, Map<String, Object> arguments, ModuleContext context);

    /**
     * Arguments for a module and what to hide of them.
     *
     * @param arguments the arguments to hand over
     * @param secrets   values that must never be shown: replaced in the module's result as Ansible's
     *                  {@code no_log} replaces them ({@code VALUE_SPECIFIED_IN_NO_LOG_PARAMETER} for a
     *                  whole value, {@code ********} inside text), and masked in all output
     * @param shown     values to show in the result's {@code invocation.module_args} instead of what the
     *                  module reports (the arguments as the task gave them, e.g. the {@code profile})
     */
    record Handover(Map<String, Object> arguments, Set<String> secrets, Map<String, Object> shown) {
        public Handover {
            Objects.requireNonNull(arguments, "arguments");
            secrets = Set.copyOf(secrets);
            shown = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shown));
        }

        /** The arguments unchanged. */
        public static Handover unchanged(Map<String, Object> arguments) {
            return new Handover(arguments, Set.of(), Map.of());
        }
    }
}
