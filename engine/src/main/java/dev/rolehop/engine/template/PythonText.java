package dev.rolehop.engine.template;

import dev.rolehop.engine.template.ansible.PythonRepr;

/**
 * Converts values to text exactly as Python's {@code str()} does, so templates render
 * {@code True}, {@code None}, {@code [1, 'a']}, {@code ('a', 1)} and {@code {'k': 1}} as
 * ansible-playbook does. The engine's name for the plugins' {@link PythonRepr}.
 */
public final class PythonText {

    private PythonText() {}

    /** Python's {@code str(value)}. */
    public static String str(Object value) {
        return PythonRepr.str(value);
    }

    /** Python's {@code repr(value)}. */
    public static String repr(Object value) {
        return PythonRepr.repr(value);
    }

    /** Python's repr of a float: shortest round-trip digits, {@code 1e+20} style exponents. */
    public static String floatText(double d) {
        return PythonRepr.floatRepr(d);
    }
}
