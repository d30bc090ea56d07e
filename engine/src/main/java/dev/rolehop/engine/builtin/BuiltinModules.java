package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleProvider;
import java.util.List;

/** The engine's built-in modules ({@code ansible.builtin.*}), registered through ServiceLoader. */
public final class BuiltinModules implements ModuleProvider {

    @Override
    public List<Module> modules() {
        return List.of(
                new SetFactModule(),
                new DebugModule(),
                new AssertModule(),
                new FailModule(),
                CommandModule.command(),
                CommandModule.shell(),
                new MetaModule(),
                new SetupModule(),
                new FileModule(),
                new StatModule(),
                new CopyModule(),
                new TemplateModule(),
                new IncludeVarsModule(),
                new SetStatsModule(),
                new PauseModule(),
                new UriModule(),
                new AddHostModule(),
                new GroupByModule(),
                new AsyncStatusModule());
    }
}
