package dev.rolehop.engine.template;

import java.util.Collection;
import java.util.Map;

/** Python's truth value of a template result: empty, zero, None and False are false. */
public final class Truth {

    private Truth() {
    }

    public static boolean of(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (value instanceof CharSequence s) {
            return !s.isEmpty();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /**
     * Ansible's {@code boolean()} of a keyword value, as Ansible converts {@code isa: bool} fields:
     * true for {@code True}, 1 and the strings y, yes, on, 1, true, t (any case, stripped); false otherwise.
     */
    public static boolean ofBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n) {
            return n.doubleValue() == 1;
        }
        return value instanceof CharSequence s && s.toString().strip().toLowerCase(java.util.Locale.ROOT)
                .matches("y|yes|on|1|true|t");
    }
}
