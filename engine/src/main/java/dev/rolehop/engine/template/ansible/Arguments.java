package dev.rolehop.engine.template.ansible;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds the positional and keyword arguments of a Jinja2 call to a Python-style signature.
 *
 * <p>Python lets a parameter be given either by position or by name ({@code default('x', true)} or
 * {@code default('x', boolean=true)}); {@link #get(int, String, Object)} looks in both places.
 * {@link #accept(String...)} rejects unknown keywords and surplus positionals with Python's
 * {@code TypeError} wording, since that is what Ansible shows for such mistakes.
 */
final class Arguments {
    private final String callable;
    private final List<Object> positional;
    private final Map<String, Object> keywords;

    Arguments(String callable, Object[] positional, Map<String, Object> keywords) {
        this.callable = callable;
        this.positional = Arrays.asList(positional == null ? new Object[0] : positional);
        this.keywords = keywords == null ? Map.of() : new LinkedHashMap<>(keywords);
    }

    /** Checks the call against the parameter names (after the piped value), in order. */
    Arguments accept(String... names) {
        if (positional.size() > names.length) {
            throw AnsibleFilterError.typeError(callable + "() takes " + (names.length + 1)
                    + " positional arguments but " + (positional.size() + 1) + " were given");
        }
        Set<String> known = Set.of(names);
        for (String key : keywords.keySet()) {
            if (!known.contains(key)) {
                throw AnsibleFilterError.typeError(callable + "() got an unexpected keyword argument '" + key + "'");
            }
        }
        return this;
    }

    /** Returns the argument at {@code index} or named {@code name}, else {@code fallback}. */
    Object get(int index, String name, Object fallback) {
        if (index < positional.size()) {
            return positional.get(index);
        }
        if (name != null && keywords.containsKey(name)) {
            return keywords.get(name);
        }
        return fallback;
    }

    /** Returns whether the argument was given at all (by position or by name). */
    boolean has(int index, String name) {
        return index < positional.size() || (name != null && keywords.containsKey(name));
    }

    /** Returns the positional arguments. */
    List<Object> positional() {
        return positional;
    }

    /** Returns the keyword arguments. */
    Map<String, Object> keywords() {
        return keywords;
    }

    /** Returns the name of the filter, test or function being called. */
    String callable() {
        return callable;
    }

    /** Returns the argument as a Python truth value. */
    boolean flag(int index, String name, boolean fallback) {
        Object value = get(index, name, fallback);
        return PythonValues.truthy(value);
    }

    /** Returns the argument as text (Python {@code str()}), or {@code fallback} if absent. */
    String text(int index, String name, String fallback) {
        Object value = get(index, name, null);
        return value == null ? fallback : PythonRepr.str(value);
    }
}
