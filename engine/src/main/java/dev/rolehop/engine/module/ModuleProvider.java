package dev.rolehop.engine.module;

import java.util.List;

/**
 * Supplies a family of modules to the {@link ModuleRegistry}; registered in
 * {@code META-INF/services/dev.rolehop.engine.module.ModuleProvider}. Called once per run, so
 * the modules it returns may share state for that run (such as SDK clients).
 */
public interface ModuleProvider {

    List<Module> modules();
}
