package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import java.util.Map;
import java.util.Set;

/**
 * {@code meta}: asks the executor to act on the play ({@code end_play}, {@code end_host},
 * {@code flush_handlers}, {@code noop}...). The module validates the directive; the executor acts on
 * the directive its result carries ({@link ModuleResult#meta()}).
 */
public final class MetaModule implements ActionModule {

    private static final Set<String> DIRECTIVES = Set.of(
            "noop",
            "flush_handlers",
            "refresh_inventory",
            "clear_facts",
            "clear_host_errors",
            "end_play",
            "end_host",
            "end_batch",
            "reset_connection");

    @Override
    public String name() {
        return "ansible.builtin.meta";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("meta", "ansible.legacy.meta");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of(Argument.of("_raw_params", ArgumentType.STR).asRequired())
                .withFreeForm();
    }

    @Override
    public ModuleResult run(ModuleArgs args, ActionContext context) {
        String directive = args.string("_raw_params").orElse("").strip();
        if (!DIRECTIVES.contains(directive)) {
            throw new ModuleFailure("invalid meta action requested: " + directive);
        }
        return ModuleResult.ok(Map.of()).withMeta(directive);
    }
}
