package dev.rolehop.engine.template.ansible;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Jinja2 3.1's built-in tests with Python's semantics, replacing Jinjava's: type tests,
 * comparisons, {@code in}, {@code odd}/{@code even}/{@code divisibleby}, case tests and
 * {@code defined}/{@code undefined}/{@code none}.
 *
 * <p>Plain Jinjava gives a test {@code null} both for an undefined variable and for one set to
 * None, so {@code defined} is false and {@code none} true for both, unless the engine passes
 * {@link Undefined} for missing names.
 */
final class JinjaTests {
    private JinjaTests() {}

    static List<PluginTest> all() {
        return List.of(
                new PluginTest("defined", (value, args, interpreter) -> !Undefined.isUndefined(value)),
                new PluginTest("undefined", (value, args, interpreter) -> Undefined.isUndefined(value)),
                new PluginTest("none", (value, args, interpreter) -> value == null),
                new PluginTest("string", (value, args, interpreter) -> value instanceof CharSequence),
                new PluginTest("number", (value, args, interpreter) -> PythonValues.isNumeric(value)),
                new PluginTest(
                        "integer",
                        (value, args, interpreter) -> value instanceof Number number && !PythonValues.isFloat(number)),
                new PluginTest(
                        "float",
                        (value, args, interpreter) -> value instanceof Number number && PythonValues.isFloat(number)),
                new PluginTest("boolean", (value, args, interpreter) -> value instanceof Boolean),
                new PluginTest("true", (value, args, interpreter) -> Boolean.TRUE.equals(value)),
                new PluginTest("false", (value, args, interpreter) -> Boolean.FALSE.equals(value)),
                new PluginTest("mapping", (value, args, interpreter) -> value instanceof Map<?, ?>),
                new PluginTest(
                        "sequence",
                        (value, args, interpreter) -> value instanceof CharSequence
                                || value instanceof Collection<?>
                                || value instanceof Map<?, ?>),
                new PluginTest(
                        "iterable",
                        (value, args, interpreter) -> value instanceof CharSequence
                                || value instanceof Iterable<?>
                                || value instanceof Map<?, ?>),
                new PluginTest(
                        "in", (value, args, interpreter) -> PythonValues.contains(args.get(0, "seq", null), value)),
                new PluginTest("odd", (value, args, interpreter) -> modulo(value, 2L) != 0),
                new PluginTest("even", (value, args, interpreter) -> modulo(value, 2L) == 0),
                new PluginTest(
                        "divisibleby", (value, args, interpreter) -> modulo(value, args.get(0, "num", null)) == 0),
                new PluginTest("lower", (value, args, interpreter) -> cased(PythonRepr.str(value), false)),
                new PluginTest("upper", (value, args, interpreter) -> cased(PythonRepr.str(value), true)),
                new PluginTest("sameas", (value, args, interpreter) -> sameAs(value, args.get(0, "other", null))),
                new PluginTest(
                        "filter",
                        (value, args, interpreter) ->
                                loadable(interpreter.getContext().getFilter(PythonRepr.str(value)), value)),
                new PluginTest(
                        "test",
                        (value, args, interpreter) ->
                                loadable(interpreter.getContext().getExpTest(PythonRepr.str(value)), value)),
                comparison("eq", "=="),
                comparison("==", "=="),
                comparison("equalto", "=="),
                comparison("ne", "!="),
                comparison("!=", "!="),
                comparison("lt", "<"),
                comparison("<", "<"),
                comparison("lessthan", "<"),
                comparison("le", "<="),
                comparison("<=", "<="),
                comparison("gt", ">"),
                comparison(">", ">"),
                comparison("greaterthan", ">"),
                comparison("ge", ">="),
                comparison(">=", ">="));
    }

    /** The {@code filter}/{@code test} tests: true for a known plugin; Ansible fails on others. */
    private static boolean loadable(Object plugin, Object name) {
        if (plugin == null) {
            throw Plugins.notFound(PythonRepr.str(name));
        }
        return true;
    }

    private static PluginTest comparison(String name, String op) {
        return new PluginTest(name, (value, args, interpreter) -> {
            Object other = args.get(0, "other", null);
            for (Object operand : new Object[] {value, other}) {
                if (operand instanceof Undefined undefined) {
                    throw undefined.error();
                }
            }
            return switch (op) {
                case "==" -> PythonValues.equal(value, other);
                case "!=" -> !PythonValues.equal(value, other);
                case "<" -> PythonValues.compare(value, other, op) < 0;
                case "<=" -> PythonValues.compare(value, other, op) <= 0;
                case ">" -> PythonValues.compare(value, other, op) > 0;
                default -> PythonValues.compare(value, other, op) >= 0;
            };
        });
    }

    /** Python's {@code value % divisor} compared with zero, for ints and floats. */
    private static double modulo(Object value, Object divisor) {
        if (value instanceof CharSequence) {
            throw AnsibleFilterError.typeError("not all arguments converted during string formatting");
        }
        if (!PythonValues.isNumeric(value) || !PythonValues.isNumeric(divisor)) {
            throw AnsibleFilterError.typeError("unsupported operand type(s) for %: '" + PythonValues.typeName(value)
                    + "' and '" + PythonValues.typeName(divisor) + "'");
        }
        double x = toDouble(value);
        double y = toDouble(divisor);
        if (y == 0) {
            throw new AnsibleFilterError("integer division or modulo by zero", "ZeroDivisionError");
        }
        return x % y;
    }

    private static double toDouble(Object number) {
        return number instanceof Boolean bool ? (bool ? 1 : 0) : ((Number) number).doubleValue();
    }

    /** Python's {@code str.islower()}/{@code isupper()}: some cased character, none of the other case. */
    private static boolean cased(String text, boolean upper) {
        boolean anyCased = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c) || Character.isLowerCase(c) || Character.isTitleCase(c)) {
                anyCased = true;
                if (upper ? !Character.isUpperCase(c) : !Character.isLowerCase(c)) {
                    return false;
                }
            }
        }
        return anyCased;
    }

    /** Python's {@code is}: None and booleans are singletons, other values compare by identity. */
    private static boolean sameAs(Object a, Object b) {
        if (a == null || b == null || a instanceof Boolean || b instanceof Boolean) {
            return a == null ? b == null : a.equals(b);
        }
        return a == b;
    }
}
