package dev.rolehop.engine.executor;

import dev.rolehop.engine.builtin.ActionFailure;
import dev.rolehop.engine.builtin.ActionModule;
import dev.rolehop.engine.module.Deprecation;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleRegistry;
import dev.rolehop.engine.module.ModuleResult;
import dev.rolehop.engine.playbook.EngineActions;
import dev.rolehop.engine.playbook.Task;
import dev.rolehop.engine.template.Templar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a task's module once: templates the arguments (under {@code module_defaults}), validates
 * them against the module's spec, calls it, and shapes what it returns as a task result.
 */
final class ModuleInvoker {

    private final ModuleRegistry registry;
    private final Templar templar;

    ModuleInvoker(ModuleRegistry registry, Templar templar) {
        this.registry = registry;
        this.templar = templar;
    }

    Module module(Task task) {
        return registry.find(task.action())
                .orElseThrow(() -> new ModuleFailure("couldn't resolve module/action '" + task.action() + "'"));
    }

    /** The task's arguments templated and merged over its module defaults (task arguments win). */
    Map<String, Object> arguments(Task task, Module module, Map<String, Object> vars) {
        Map<String, Object> args = new LinkedHashMap<>();
        Object defaults = task.inherited("module_defaults");
        if (defaults != null) {
            args.putAll(ModuleDefaults.forModule(templar.template(defaults, vars), task.action(), module, registry));
        }
        var untemplated =
                module instanceof ActionModule action ? action.untemplatedArguments() : java.util.Set.<String>of();
        for (Map.Entry<String, Object> entry : task.args().entrySet()) {
            Object value =
                    untemplated.contains(entry.getKey()) ? entry.getValue() : templar.template(entry.getValue(), vars);
            if (value != Templar.OMIT) {
                args.put(entry.getKey(), value);
            }
        }
        return args;
    }

    /**
     * Runs the module and returns its result: the return values in the order Ansible's result dict
     * has them, and the warnings, deprecations and display hints beside them.
     */
    TaskResult.Builder invoke(Task task, Module module, Map<String, Object> args, TaskContext context) {
        TaskResult.Builder result = TaskResult.builder();
        List<Deprecation> deprecations = List.of();
        List<String> warnings = List.of();
        try {
            boolean own = module.checksOwnArguments();
            boolean anyKeys = own || module instanceof ActionModule action && action.acceptsAnyArguments();
            if (!anyKeys) {
                deprecations = ArgumentValidator.deprecations(module.argumentSpec(), args);
                warnings = ArgumentValidator.aliasWarnings(module.argumentSpec(), args);
            }
            Map<String, Object> validated = own ? args : validated(task, module, args, anyKeys);
            ModuleResult outcome = module.run(new ModuleArgs(validated), context);
            result.putAll(outcome.values());
            if (outcome.msg() != null) {
                result.put("msg", outcome.msg());
            }
            result.putIfAbsent("changed", outcome.changed());
            if (outcome.failed()) {
                result.put("failed", true);
            }
            if (outcome.diff() != null) {
                Map<String, Object> diff = new LinkedHashMap<>();
                diff.put("before", outcome.diff().before());
                diff.put("after", outcome.diff().after());
                if (outcome.diff().beforeHeader() != null) {
                    diff.put("before_header", outcome.diff().beforeHeader());
                }
                if (outcome.diff().afterHeader() != null) {
                    diff.put("after_header", outcome.diff().afterHeader());
                }
                result.put("diff", diff);
            }
            if (!(module instanceof ActionModule)) {
                if (!own) {
                    result.put("invocation", Map.of("module_args", invocation(module, validated)));
                }
                // As Ansible's action base, after the module returned: its output pre-split into lines.
                result.splitOutputLines();
            }
            // Ansible's module collects its validator's warnings and deprecations before its own.
            result.warnings(warnings).warnings(outcome.warnings());
            result.deprecations(deprecations).deprecations(outcome.deprecations());
            result.verboseAlways(outcome.verboseAlways());
            result.meta(outcome.meta());
        } catch (ModuleFailure failure) {
            result.putAll(failure.values());
            result.put("msg", failure.getMessage());
            result.put("failed", true);
            result.putIfAbsent("changed", false);
            result.warnings(warnings).deprecations(deprecations);
        }
        return result;
    }

    /**
     * The arguments checked against the module's spec; an action plugin that checks them with
     * Ansible's {@code validate_argument_spec} fails as it raises, with its exception.
     */
    private static Map<String, Object> validated(Task task, Module module, Map<String, Object> args, boolean anyKeys) {
        try {
            return ArgumentValidator.validate(
                    EngineActions.shortName(task.action()), module.argumentSpec(), args, anyKeys);
        } catch (ModuleFailure failure) {
            if (module instanceof ActionModule action && action.validatesArgumentSpec()) {
                throw ActionFailure.of(failure.getMessage());
            }
            throw failure;
        }
    }

    private static Map<String, Object> invocation(Module module, Map<String, Object> validated) {
        Map<String, Object> shown = new LinkedHashMap<>();
        for (var argument : module.argumentSpec().arguments()) {
            Object value = validated.get(argument.name());
            shown.put(
                    argument.name(), argument.noLog() && value != null ? "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER" : value);
        }
        return shown;
    }
}
