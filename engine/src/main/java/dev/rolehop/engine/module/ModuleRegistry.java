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
    private final ModuleFinder finder;

    public ModuleRegistry(Collection<Module> modules) {
        this.finder = ModuleFinder.NONE;
        for (Module module : modules) {
            register(module.name(), module);
            for (String alias : module.aliases()) {
                register(alias, module);
            }
        }
    }

    private ModuleRegistry(ModuleRegistry builtin, ModuleFinder finder) {
        this.byName.putAll(builtin.byName);
        this.finder = finder;
    }

    /**
     * This registry with a finder for the names its modules do not have (built-in modules keep
     * priority), for one run.
     */
    public ModuleRegistry withFinder(ModuleFinder other) {
        return new ModuleRegistry(this, other);
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

    /**
     * The module of a name: a built-in one, else what the finder finds.
     *
     * @throws dev.rolehop.engine.error.AnsibleError when the finder says the name's module was removed
     */
    public Optional<Module> find(String name) {
        Module module = byName.get(name);
        return module != null ? Optional.of(module) : finder.find(name);
    }

    /** {@link #find} for a task of a playbook being loaded (the finder reports redirects and deprecations). */
    public Optional<Module> load(String name) {
        Module module = byName.get(name);
        return module != null ? Optional.of(module) : finder.load(name);
    }

    /** Where the finder looked for a name no module has, and what to install, or {@code null}. */
    public String whyMissing(String name) {
        return finder.whyMissing(name);
    }

    /** Adds a playbook's or role's plugin folders to the finder's search ({@code library/}...). */
    public void addPluginDirs(java.nio.file.Path dir) {
        finder.addPluginDirs(dir);
    }

    /** Every built-in name and alias, for did-you-mean suggestions. */
    public List<String> names() {
        return List.copyOf(byName.keySet());
    }
}
