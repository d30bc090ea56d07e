package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleResult;
import dev.rolehop.engine.template.TemplateException;
import dev.rolehop.engine.template.UndefinedVariableException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code debug}: shows a message or a variable's value; {@code verbosity} hides it below that level. */
public final class DebugModule implements ActionModule {

    @Override
    public String name() {
        return "ansible.builtin.debug";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("debug", "ansible.legacy.debug");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of(
                        Argument.of("msg", ArgumentType.RAW),
                        Argument.of("var", ArgumentType.RAW),
                        Argument.of("verbosity", ArgumentType.INT).withDefault(0L))
                .mutuallyExclusive("msg", "var");
    }

    @Override
    public ModuleResult run(ModuleArgs args, ActionContext context) {
        Map<String, Object> result = new LinkedHashMap<>();
        long verbosity = args.integer("verbosity").orElse(0L);
        if (verbosity > context.verbosity()) {
            result.put("skipped_reason", "Verbosity threshold not met.");
            result.put("skipped", true);
            return ModuleResult.ok(result);
        }
        if (args.get("var") != null) {
            Object var = args.get("var");
            Object value;
            try {
                value = variable(var, context);
            } catch (UndefinedVariableException e) {
                value = "VARIABLE IS NOT DEFINED!" + (context.verbosity() > 0 ? ": " + e.getMessage() : "");
            }
            String key = var instanceof List
                    ? "<class 'list'>"
                    : var instanceof Map ? "<class 'dict'>" : String.valueOf(var);
            result.put(key, value);
            return ModuleResult.ok(result).shownAlways();
        }
        Object msg = args.asMap().containsKey("msg") ? args.get("msg") : "Hello world!";
        // msg may be any value (a list, a dict, None), so it travels in the values, not ModuleResult.msg.
        result.put("msg", msg);
        return ModuleResult.ok(result).shownAlways();
    }

    private static Object variable(Object var, ActionContext context) {
        if (!(var instanceof String name)) {
            return var;
        }
        Object value = context.templar()
                .template(context.templar().isTemplate(name) ? name : "{{ " + name + " }}", context.variables());
        if (value instanceof String s && s.equals(name)) {
            try {
                return context.templar().template("{{ " + s + " }}", context.variables());
            } catch (TemplateException e) {
                return value;
            }
        }
        return value;
    }
}
