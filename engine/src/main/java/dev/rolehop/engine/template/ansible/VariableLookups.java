package dev.rolehop.engine.template.ansible;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ansible's {@code env} and {@code vars} lookups. */
final class VariableLookups {
    private VariableLookups() {}

    static Map<String, Lookup> all() {
        Map<String, Lookup> lookups = new LinkedHashMap<>();
        lookups.put("env", VariableLookups::env);
        lookups.put("vars", VariableLookups::vars);
        return lookups;
    }

    /** {@code env}: the first word of each term names a variable; {@code default=''}. */
    private static List<Object> env(List<Object> terms, Map<String, Object> options, LookupContext context) {
        Lookups.accept("env", options, "default");
        Object fallback = options.getOrDefault("default", "");
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            String[] words = PythonRepr.str(term).strip().split("\\s+");
            String value = context.environment().get(words[0]);
            result.add(value != null ? value : fallback);
        }
        return result;
    }

    /**
     * {@code vars}: each term names a variable (or a variable of the current host in
     * {@code hostvars}); {@code default} replaces a missing one.
     */
    private static List<Object> vars(List<Object> terms, Map<String, Object> options, LookupContext context) {
        Lookups.accept("vars", options, "default");
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            if (!(term instanceof CharSequence name)) {
                throw new AnsibleFilterError(
                        "Invalid setting identifier, \"" + PythonRepr.str(term) + "\" is not a string, its a "
                                + DictFilters.pythonClass(term),
                        "AnsibleError");
            }
            Object value = context.hostVariable(name.toString());
            if (value == Attributes.MISSING) {
                if (options.get("default") == null) {
                    throw new AnsibleFilterError(
                            "No variable found with this name: " + name, "AnsibleUndefinedVariable");
                }
                value = options.get("default");
            }
            result.add(value);
        }
        return result;
    }
}
