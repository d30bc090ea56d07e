package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code set_stats}: records custom statistics (per host or for the run, aggregated or replaced). */
public final class SetStatsModule implements ActionModule {

    @Override
    public String name() {
        return "ansible.builtin.set_stats";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("set_stats", "ansible.legacy.set_stats");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of(
                Argument.of("data", ArgumentType.DICT).asRequired(),
                Argument.of("per_host", ArgumentType.BOOL).withDefault(false),
                Argument.of("aggregate", ArgumentType.BOOL).withDefault(true));
    }

    @Override
    public ModuleResult run(ModuleArgs args, ActionContext context) {
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("data", args.dict("data"));
        stats.put("per_host", args.bool("per_host"));
        stats.put("aggregate", args.bool("aggregate"));
        return ModuleResult.ok(Map.of("ansible_stats", stats));
    }
}
