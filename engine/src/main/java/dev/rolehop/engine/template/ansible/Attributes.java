package dev.rolehop.engine.template.ansible;

import java.util.List;
import java.util.Map;

/**
 * Looks up Jinja2 attribute paths such as {@code 'a.b.0'} (the {@code attribute=} argument of
 * {@code map}, {@code selectattr}, {@code sort}, ...): each dotted part is a mapping key, or a
 * list index when it is all digits, as in Jinja2's {@code make_attrgetter}.
 */
final class Attributes {
    /** Stands for Jinja2's Undefined: the path does not exist in the item. */
    static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "Undefined";
        }
    };

    private Attributes() {}

    /** Returns the value at the path, or {@link #MISSING}. */
    static Object get(Object item, Object path) {
        if (path instanceof Number index) {
            return part(item, index.intValue(), null);
        }
        Object current = item;
        for (String part : PythonRepr.str(path).split("\\.", -1)) {
            current = part.matches("\\d+") ? part(current, Integer.parseInt(part), part) : part(current, null, part);
            if (current == MISSING) {
                return MISSING;
            }
        }
        return current;
    }

    private static Object part(Object current, Integer index, String key) {
        if (current instanceof Map<?, ?> map) {
            if (index != null && map.containsKey((long) index)) {
                return map.get((long) index);
            }
            if (index != null && map.containsKey(index)) {
                return map.get(index);
            }
            return key != null && map.containsKey(key) ? map.get(key) : MISSING;
        }
        if (index != null && current instanceof List<?> list) {
            return index < list.size() ? list.get(index) : MISSING;
        }
        if (index != null && current instanceof CharSequence text) {
            return index < text.length() ? String.valueOf(text.charAt(index)) : MISSING;
        }
        return MISSING;
    }

    /** Returns the value at the path, or throws Ansible's undefined-attribute error. */
    static Object require(Object item, Object path) {
        Object value = get(item, path);
        if (value == MISSING) {
            throw undefined(item, path);
        }
        return value;
    }

    /** Returns the {@link Undefined} standing for the missing path, named as Jinja2 names it. */
    static Undefined undefinedValue(Object item, Object path) {
        String[] parts = PythonRepr.str(path).split("\\.");
        Object owner = item;
        for (String part : parts) {
            Object next = get(owner, part);
            if (next == MISSING) {
                return Undefined.attribute(owner, part);
            }
            owner = next;
        }
        return Undefined.attribute(owner, parts[parts.length - 1]);
    }

    /** Jinja2's error for a missing attribute, e.g. {@code 'dict object' has no attribute 'x'}. */
    static AnsibleFilterError undefined(Object item, Object path) {
        return undefinedValue(item, path).error();
    }
}
