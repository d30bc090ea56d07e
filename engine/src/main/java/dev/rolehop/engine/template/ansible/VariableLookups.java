package dev.rolehop.engine.template.ansible;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Ansible's {@code env} and {@code vars} lookups. */
final class VariableLookups {
    private VariableLookups() {}

    static Map<String, Lookup> all() {
        Map<String, Lookup> lookups = new LinkedHashMap<>();
        lookups.put("env", VariableLookups::env);
        lookups.put("vars", VariableLookups::vars);
        lookups.put("varnames", VariableLookups::varnames);
        lookups.put("inventory_hostnames", (terms, options, context) -> inventoryHostnames(terms, context));
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

    /** {@code varnames}: the names of the variables each term's regex finds ({@code re.search}). */
    private static List<Object> varnames(List<Object> terms, Map<String, Object> options, LookupContext context) {
        Lookups.accept("varnames", options);
        List<String> names = context.variableNames();
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            if (!(term instanceof CharSequence text)) {
                throw new AnsibleFilterError(
                        "Invalid setting identifier, \"" + PythonRepr.str(term) + "\" is not a string, it is a "
                                + DictFilters.pythonClass(term),
                        "AnsibleError");
            }
            Pattern pattern;
            try {
                pattern = PythonRegex.compile(text.toString(), false, false).pattern();
            } catch (AnsibleFilterError e) {
                throw new AnsibleFilterError(
                        "Unable to use \"" + text + "\" as a search parameter: " + e.getMessage(), "AnsibleError");
            }
            names.stream().filter(name -> pattern.matcher(name).find()).forEach(result::add);
        }
        return result;
    }

    /**
     * {@code inventory_hostnames}: the hosts the terms, joined as one host pattern, match among
     * the {@code groups} of the play.
     */
    private static List<Object> inventoryHostnames(List<Object> terms, LookupContext context) {
        List<String> patterns = new ArrayList<>();
        terms.forEach(term -> patterns.add(PythonRepr.str(term)));
        return new ArrayList<>(context.hostsMatching(String.join(",", patterns)));
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
