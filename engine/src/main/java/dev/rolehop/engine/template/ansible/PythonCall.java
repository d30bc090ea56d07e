package dev.rolehop.engine.template.ansible;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One call of a Python method on a template value ({@code 'a.b'.split('.')}): its receiver's
 * type name, the method's name and its arguments, with checks that fail in CPython 3.11's own
 * words, since Ansible shows those {@code TypeError}s as they are.
 */
record PythonCall(String type, String method, List<Object> positional, Map<String, Object> keywords) {

    /** A method that takes no arguments: {@code str.upper() takes no arguments (1 given)}. */
    PythonCall none() {
        positionalOnly();
        if (!positional.isEmpty()) {
            throw AnsibleFilterError.typeError(
                    type + "." + method + "() takes no arguments (" + positional.size() + " given)");
        }
        return this;
    }

    /** A method of one argument: {@code str.join() takes exactly one argument (0 given)}. */
    PythonCall exactlyOne() {
        positionalOnly();
        if (positional.size() != 1) {
            throw AnsibleFilterError.typeError(
                    type + "." + method + "() takes exactly one argument (" + positional.size() + " given)");
        }
        return this;
    }

    /** Argument Clinic's wording: {@code find() takes at least 1 argument (0 given)}. */
    PythonCall takes(int min, int max) {
        if (!keywords.isEmpty()) {
            // these older methods name themselves without their type here
            throw AnsibleFilterError.typeError(method + "() takes no keyword arguments");
        }
        int given = positional.size();
        if (given < min) {
            throw AnsibleFilterError.typeError(
                    method + "() takes at least " + arguments(min) + " (" + given + " given)");
        }
        if (given > max) {
            throw AnsibleFilterError.typeError(
                    method + "() takes at most " + arguments(max) + " (" + given + " given)");
        }
        return this;
    }

    /** The unpacking check's wording: {@code get expected at least 1 argument, got 0}. */
    PythonCall expects(int min, int max) {
        positionalOnly();
        int given = positional.size();
        if (given < min) {
            throw AnsibleFilterError.typeError(method + " expected at least " + arguments(min) + ", got " + given);
        }
        if (given > max) {
            throw AnsibleFilterError.typeError(method + " expected at most " + arguments(max) + ", got " + given);
        }
        return this;
    }

    /** A method whose parameters may also be named ({@code split(sep=None, maxsplit=-1)}). */
    PythonCall named(String... names) {
        Set<String> known = Set.of(names);
        for (String key : keywords.keySet()) {
            if (!known.contains(key)) {
                throw AnsibleFilterError.typeError("'" + key + "' is an invalid keyword argument for " + method + "()");
            }
        }
        int given = positional.size() + keywords.size();
        if (given > names.length) {
            throw AnsibleFilterError.typeError(
                    method + "() takes at most " + arguments(names.length) + " (" + given + " given)");
        }
        return this;
    }

    /** The argument at {@code index} or named {@code name}, else {@code fallback}. */
    Object get(int index, String name, Object fallback) {
        if (index < positional.size()) {
            return positional.get(index);
        }
        return name != null && keywords.containsKey(name) ? keywords.get(name) : fallback;
    }

    Object get(int index) {
        return get(index, null, null);
    }

    boolean has(int index) {
        return index < positional.size();
    }

    /** An optional str argument by position or name: None when absent or None. */
    String optionalText(int index, String name, String failure) {
        Object value = get(index, name, null);
        return value == null ? null : requiredText(value, failure);
    }

    /** A required str argument; None fails too ({@code must be str, not NoneType}). */
    String requiredText(int index, String failure) {
        return requiredText(get(index), failure);
    }

    private static String requiredText(Object value, String failure) {
        if (!(value instanceof CharSequence text)) {
            throw AnsibleFilterError.typeError(failure.replace("TYPE", PythonValues.typeName(value)));
        }
        return text.toString();
    }

    /** The argument as an index, failing as CPython does for anything else. */
    int integer(int index, String name, int fallback) {
        Object value = get(index, name, fallback);
        if (value instanceof Boolean bool) {
            return bool ? 1 : 0;
        }
        if (!(value instanceof Number number) || PythonValues.isFloat(number)) {
            throw AnsibleFilterError.typeError(
                    "'" + PythonValues.typeName(value) + "' object cannot be interpreted as an integer");
        }
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, number.longValue()));
    }

    private void positionalOnly() {
        if (!keywords.isEmpty()) {
            throw AnsibleFilterError.typeError(type + "." + method + "() takes no keyword arguments");
        }
    }

    private static String arguments(int count) {
        return count + (count == 1 ? " argument" : " arguments");
    }
}
