package dev.rolehop.engine.module;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds modules by name or alias. Modules come from {@link ModuleProvider}s: the engine's
 * built-ins and any other module jar on the class path, found with {@link ServiceLoader}.
 */
public final class ModuleRegistry {

    private final Map<String, Module> byName = new LinkedHashMap<>();

    public ModuleRegistry(Collection<Module> modules) {
        for (Module module : modules) {
            register(module.name(), module);
            for (String alias : module.aliases()) {
                register(alias, module);
            }
        }
    }

    /** A registry of every module that the providers on the class path offer. */
    public static ModuleRegistry discover() {
        var modules = new java.util.ArrayList<Module>();
        for (ModuleProvider provider : ServiceLoader.load(ModuleProvider.class)) {
            modules.addAll(provider.modules());
        }
        return new ModuleRegistry(modules);
    }

    private void register(String name, Module module) {
        Module previous = byName.putIfAbsent(name, module);
        if (previous != null && previous != module) {
            throw new IllegalStateException(
                    "module name '" + name + "' is claimed by both " + previous.name() + " and " + module.name());
        }
    }

    public Optional<Module> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every name and alias known, for did-you-mean suggestions. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
