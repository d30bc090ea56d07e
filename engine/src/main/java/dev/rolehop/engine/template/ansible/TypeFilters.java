package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Jinja2's conversion and size filters with Python's semantics: {@code int}, {@code float},
 * {@code string}, {@code list}, {@code length}/{@code count}, {@code first}, {@code last},
 * {@code round} and {@code abs}.
 */
final class TypeFilters {
    private TypeFilters() {}

    static List<PluginFilter> all() {
        return List.of(
                new PluginFilter("int", TypeFilters::toInt),
                new PluginFilter("float", TypeFilters::toFloat),
                new PluginFilter("string", (value, args, interpreter) -> PythonRepr.str(value)),
                new PluginFilter("list", (value, args, interpreter) -> PythonValues.iterable(value)),
                new PluginFilter("length", (value, args, interpreter) -> length(value)),
                new PluginFilter("count", (value, args, interpreter) -> length(value)),
                new PluginFilter("first", (value, args, interpreter) -> first(value)),
                new PluginFilter("last", (value, args, interpreter) -> last(value)),
                new PluginFilter("round", TypeFilters::round),
                new PluginFilter("abs", (value, args, interpreter) -> abs(value)));
    }

    /** Jinja2's {@code int(default=0, base=10)}: Python's int(), then int(float()), else default. */
    private static Object toInt(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("default", "base");
        Object fallback = args.get(0, "default", 0L);
        int base = ((Number) args.get(1, "base", 10L)).intValue();
        if (value instanceof Boolean bool) {
            return bool ? 1L : 0L;
        }
        if (value instanceof Number number) {
            return PythonValues.isFloat(number) ? truncate(number.doubleValue(), fallback) : value;
        }
        if (value instanceof CharSequence text) {
            BigInteger parsed = PythonNumbers.parseInt(text.toString(), base);
            if (parsed != null) {
                return PythonNumbers.narrow(parsed);
            }
            Double real = PythonNumbers.parseFloat(text.toString());
            return real == null ? fallback : truncate(real, fallback);
        }
        return fallback;
    }

    private static Object truncate(double value, Object fallback) {
        if (!Double.isFinite(value)) {
            return fallback;
        }
        return PythonNumbers.narrow(new BigDecimal(value).toBigInteger());
    }

    /** Jinja2's {@code float(default=0.0)}: Python's float(), else the default. */
    private static Object toFloat(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("default");
        Object fallback = args.get(0, "default", 0.0);
        if (value instanceof Boolean bool) {
            return bool ? 1.0 : 0.0;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof CharSequence text) {
            Double parsed = PythonNumbers.parseFloat(text.toString());
            return parsed == null ? fallback : parsed;
        }
        return fallback;
    }

    /** Python's {@code len()}. */
    static long length(Object value) {
        if (value instanceof CharSequence text) {
            return text.toString().codePointCount(0, text.length());
        }
        if (value instanceof java.util.Collection<?> collection) {
            return collection.size();
        }
        if (value instanceof Map<?, ?> map) {
            return map.size();
        }
        if (value instanceof Object[] array) {
            return array.length;
        }
        throw AnsibleFilterError.typeError("object of type '" + PythonValues.typeName(value) + "' has no len()");
    }

    /** Jinja2's {@code first}: the first item, or undefined (None here) when empty. */
    private static Object first(Object value) {
        List<Object> items = PythonValues.iterable(value);
        return items.isEmpty() ? null : items.get(0);
    }

    /** Jinja2's {@code last}: the last item, or undefined (None here) when empty. */
    private static Object last(Object value) {
        List<Object> items = PythonValues.iterable(value);
        return items.isEmpty() ? null : items.get(items.size() - 1);
    }

    /**
     * Jinja2's {@code round(precision=0, method='common')}: Python's round() (half to even on the
     * exact binary value), or {@code ceil}/{@code floor}; floats stay floats.
     */
    private static Object round(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("precision", "method");
        int precision = ((Number) args.get(0, "precision", 0L)).intValue();
        String method = args.text(1, "method", "common");
        if (!List.of("common", "ceil", "floor").contains(method)) {
            throw new AnsibleFilterError("method must be common, ceil or floor", "FilterArgumentError");
        }
        if (!(value instanceof Number number)) {
            throw AnsibleFilterError.typeError(
                    "type " + PythonValues.typeName(value) + " doesn't define __round__ method");
        }
        if (!PythonValues.isFloat(number) && method.equals("common")) {
            return value;
        }
        double real = number.doubleValue();
        if (!Double.isFinite(real)) {
            return real;
        }
        RoundingMode mode = switch (method) {
            case "ceil" -> RoundingMode.CEILING;
            case "floor" -> RoundingMode.FLOOR;
            default -> RoundingMode.HALF_EVEN;
        };
        return new BigDecimal(real).setScale(precision, mode).doubleValue();
    }

    /** Python's {@code abs()}. */
    private static Object abs(Object value) {
        if (value instanceof Boolean bool) {
            return bool ? 1L : 0L;
        }
        if (value instanceof Number number) {
            return PythonValues.isFloat(number)
                    ? Math.abs(number.doubleValue())
                    : PythonNumbers.narrow(PythonValues.integer(number).abs());
        }
        throw AnsibleFilterError.typeError("bad operand type for abs(): '" + PythonValues.typeName(value) + "'");
    }
}
