package dev.rolehop.engine.template.ansible;

import java.util.List;
import java.util.Map;

/** One Ansible lookup plugin: terms and options in, the list of results out. */
@FunctionalInterface
interface Lookup {
    /**
     * Runs the lookup.
     *
     * @param terms the positional arguments after the plugin name
     * @param options the keyword arguments (without {@code errors} and {@code wantlist})
     * @param context the variables, environment and search paths of the call
     */
    List<Object> run(List<Object> terms, Map<String, Object> options, LookupContext context);
}
