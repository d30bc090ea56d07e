package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import dev.rolehop.engine.template.ConditionalFailure;
import dev.rolehop.engine.template.TemplateException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code assert}: fails unless every condition in {@code that} holds. */
public final class AssertModule implements ActionModule {

    @Override
    public String name() {
        return "ansible.builtin.assert";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("assert", "ansible.legacy.assert");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of(
                Argument.of("that", ArgumentType.RAW).asRequired(),
                Argument.of("fail_msg", ArgumentType.RAW).withAliases("msg"),
                Argument.of("success_msg", ArgumentType.RAW),
                Argument.of("quiet", ArgumentType.BOOL));
    }

    @Override
    public Set<String> untemplatedArguments() {
        return Set.of("that");
    }

    @Override
    public ModuleResult run(ModuleArgs args, ActionContext context) {
        Object that = args.get("that");
        if (that == null) {
            throw new ModuleFailure("conditional required in \"that\" string");
        }
        if (that instanceof String text) {
            that = context.templar().template(text, context.variables());
        }
        List<?> thats = that instanceof List<?> list ? list : List.of(that);
        Map<String, Object> result = new LinkedHashMap<>();
        boolean shown = !args.bool("quiet");
        for (Object condition : thats) {
            if (!holds(condition, context)) {
                result.put("evaluated_to", false);
                result.put("assertion", condition);
                result.put("msg", args.asMap().containsKey("fail_msg") ? args.get("fail_msg") : "Assertion failed");
                result.put("failed", true);
                ModuleResult failed = new ModuleResult(false, true, null, result, null);
                return shown ? failed.shownAlways() : failed;
            }
        }
        result.put("changed", false);
        result.put("msg", args.get("success_msg") != null ? args.get("success_msg") : "All assertions passed");
        return shown ? ModuleResult.ok(result).shownAlways() : ModuleResult.ok(result);
    }

    /** Evaluates one assertion; one that cannot be evaluated fails the task with Ansible's words. */
    private static boolean holds(Object condition, ActionContext context) {
        try {
            return context.templar().evaluateConditional(condition, context.variables());
        } catch (TemplateException e) {
            throw new TemplateException(ConditionalFailure.message(e, condition));
        }
    }
}
