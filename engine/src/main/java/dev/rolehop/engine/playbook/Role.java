package dev.rolehop.engine.playbook;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A role as loaded from {@code roles/NAME/}: its defaults, vars, tasks, handlers and the roles
 * it depends on ({@code meta/main.yml}).
 *
 * @param name            the role's name
 * @param path            the role's directory ({@code role_path})
 * @param defaults        {@code defaults/main.yml} (or the file {@code defaults_from} chose)
 * @param vars            {@code vars/main.yml} (or the file {@code vars_from} chose)
 * @param dependencies    the role references of {@code meta/main.yml}, as written
 * @param allowDuplicates {@code allow_duplicates} of {@code meta/main.yml}: whether the role may run
 *                        more than once in a play with the same parameters (default false)
 */
public record Role(
        String name,
        Path path,
        Map<String, Object> defaults,
        Map<String, Object> vars,
        List<Object> dependencies,
        boolean allowDuplicates) {

    public Role {
        defaults = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defaults));
        vars = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        dependencies = List.copyOf(dependencies);
    }
}
