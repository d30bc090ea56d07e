package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code fail}: fails the task with a message. */
public final class FailModule implements ActionModule {

    @Override
    public String name() {
        return "ansible.builtin.fail";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("fail", "ansible.legacy.fail");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of(Argument.of("msg", ArgumentType.RAW));
    }

    @Override
    public ModuleResult run(ModuleArgs args, ActionContext context) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("msg", args.asMap().containsKey("msg") ? args.get("msg") : "Failed as requested from task");
        result.put("failed", true);
        return new ModuleResult(false, true, null, result, null);
    }
}
