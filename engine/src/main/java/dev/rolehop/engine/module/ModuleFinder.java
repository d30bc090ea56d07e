package dev.rolehop.engine.module;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the modules rolehop does not build in (a {@code library/} module, an ansible-core or
 * collection module run through Ansible's own code). The {@link ModuleRegistry} asks it for a name
 * no built-in module has: built-in modules always come first.
 */
public interface ModuleFinder {

    /** A finder that finds nothing. */
    ModuleFinder NONE = name -> Optional.empty();

    /**
     * The module a name resolves to, or empty.
     *
     * @throws dev.rolehop.engine.error.AnsibleError as Ansible's loader, for a name whose module was
     *     removed (a tombstone) or whose routing is broken
     */
    Optional<Module> find(String name);

    /**
     * {@link #find} for a task of a playbook being loaded: the finder reports what resolving the
     * name says (redirects at {@code -vv}, deprecations), as Ansible's loader does for each task.
     */
    default Optional<Module> load(String name) {
        return find(name);
    }

    /** Where the finder looked for a name it did not find and what to install, or {@code null}. */
    default String whyMissing(String name) {
        return null;
    }

    /**
     * Adds the plugin folders ({@code library/}, {@code action_plugins/}...) of a playbook's or a
     * role's folder, as Ansible adds them when it loads the playbook or role.
     */
    default void addPluginDirs(Path dir) {}
}
