package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.List;

/**
 * Ansible's general-purpose filters: {@code default}/{@code d}, {@code mandatory}, {@code bool},
 * {@code ternary} and {@code type_debug}.
 */
final class CoreFilters {
    private CoreFilters() {}

    static List<PluginFilter> all() {
        return List.of(
                new PluginFilter("default", CoreFilters::defaultValue),
                new PluginFilter("d", CoreFilters::defaultValue),
                new PluginFilter("mandatory", CoreFilters::mandatory),
                new PluginFilter("bool", (value, args, interpreter) -> toBool(value)),
                new PluginFilter("ternary", CoreFilters::ternary),
                new PluginFilter("type_debug", (value, args, interpreter) -> PythonValues.typeName(value)));
    }

    /**
     * Jinja2's {@code default(value, default_value='', boolean=False)}: the default replaces an
     * undefined value, or with {@code boolean} any false value. Plain Jinjava gives null for an
     * undefined variable and for one set to None, so null is replaced too (see {@link Undefined}).
     */
    private static Object defaultValue(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("default_value", "boolean");
        if (Undefined.isUndefined(value) || (args.flag(1, "boolean", false) && !PythonValues.truthy(value))) {
            return args.get(0, "default_value", "");
        }
        return value;
    }

    /** Ansible's {@code mandatory(msg=None)}: fails on an undefined value. */
    private static Object mandatory(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("msg");
        if (Undefined.isUndefined(value)) {
            Object msg = args.get(0, "msg", null);
            String name = value instanceof Undefined undefined ? "'" + undefined.name() + "' " : "";
            throw new AnsibleFilterError(
                    msg != null ? PythonRepr.str(msg) : "Mandatory variable " + name + " not defined.");
        }
        return value;
    }

    /** Ansible's {@code bool}: None and booleans pass, 'yes'/'on'/'1'/'true'/1 are True. */
    static Object toBool(Object value) {
        if (value == null || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence text) {
            String lower = text.toString().toLowerCase(java.util.Locale.ROOT);
            return lower.equals("yes") || lower.equals("on") || lower.equals("1") || lower.equals("true");
        }
        return value instanceof Number number && !PythonValues.isFloat(number)
                ? number.longValue() == 1
                : value instanceof Number number2 && number2.doubleValue() == 1.0;
    }

    /** Ansible's {@code ternary(true_val, false_val, none_val=None)}. */
    private static Object ternary(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("true_val", "false_val", "none_val");
        Object noneValue = args.get(2, "none_val", null);
        if (value == null && noneValue != null) {
            return noneValue;
        }
        return PythonValues.truthy(value) ? args.get(0, "true_val", null) : args.get(1, "false_val", null);
    }
}
