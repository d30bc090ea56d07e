package dev.rolehop.python;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.function.Function;

/**
 * Python's {@code repr()} and {@code str()} of JVM values, so that text quoting a value reads as
 * Python's ({@code {'proto': 'tcp', 'ports': [22]}}, {@code True}, {@code None}, {@code 1e+16}).
 *
 * <p>Mapping: {@code null} = None, {@link Boolean} = bool, integral {@link Number}s = int,
 * {@link Double}/{@link Float}/{@link BigDecimal} = float, {@link CharSequence} = str, {@link Map}
 * = dict, other {@link Collection}s and arrays = list, a {@link PythonObject} = itself. Any other
 * object is first offered to the {@code foreign} function given to {@link #withForeign} (which
 * may return a {@link PythonObject} standing for it), and otherwise written by its
 * {@code toString()}.
 */
public final class PythonRepr {

    private static final PythonRepr PLAIN = new PythonRepr(value -> null);

    private final Function<Object, PythonObject> foreign;

    private PythonRepr(Function<Object, PythonObject> foreign) {
        this.foreign = foreign;
    }

    /** Returns a formatter that shows objects of types this module does not know through {@code foreign}. */
    public static PythonRepr withForeign(Function<Object, PythonObject> foreign) {
        return new PythonRepr(foreign);
    }

    /** Returns Python's {@code repr(value)}. */
    public static String repr(Object value) {
        return PLAIN.reprOf(value);
    }

    /** Returns Python's {@code str(value)}: a str as it is, other values as their repr. */
    public static String str(Object value) {
        return PLAIN.strOf(value);
    }

    /** Returns Python's {@code repr(value)}, foreign objects shown as this formatter's function says. */
    public String reprOf(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value);
        return out.toString();
    }

    /** Returns Python's {@code str(value)}, foreign objects shown as this formatter's function says. */
    public String strOf(Object value) {
        if (value instanceof PythonObject object) {
            return object.str();
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        PythonObject adapted = known(value) ? null : foreign.apply(value);
        return adapted != null ? adapted.str() : reprOf(value);
    }

    private static boolean known(Object value) {
        return value == null
                || value instanceof Boolean
                || value instanceof Number
                || value instanceof CharSequence
                || value instanceof Map
                || value instanceof Collection
                || value instanceof Object[];
    }

    private void append(StringBuilder out, Object value) {
        if (value instanceof PythonObject object) {
            out.append(object.repr());
        } else if (value == null) {
            out.append("None");
        } else if (value instanceof Boolean bool) {
            out.append(bool ? "True" : "False");
        } else if (value instanceof CharSequence text) {
            appendString(out, text.toString());
        } else if (value instanceof Number number) {
            out.append(numberRepr(number));
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                append(out, entry.getKey());
                out.append(": ");
                append(out, entry.getValue());
                if (entries.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            Iterator<?> items = list.iterator();
            while (items.hasNext()) {
                append(out, items.next());
                if (items.hasNext()) {
                    out.append(", ");
                }
            }
            out.append(']');
        } else if (value instanceof Object[] array) {
            append(out, Arrays.asList(array));
        } else {
            PythonObject adapted = foreign.apply(value);
            out.append(adapted != null ? adapted.repr() : value.toString());
        }
    }

    /** Returns whether the number is a Python float ({@link Double}, {@link Float}, {@link BigDecimal}) rather than an int. */
    public static boolean isFloat(Number number) {
        return number instanceof Double || number instanceof Float || number instanceof BigDecimal;
    }

    /** Returns Python's repr of a number: an int's digits, or {@link #floatRepr} of a float. */
    public static String numberRepr(Number number) {
        if (isFloat(number)) {
            return floatRepr(number.doubleValue());
        }
        return number instanceof BigInteger ? number.toString() : Long.toString(number.longValue());
    }

    /** Returns Python's repr of a str: single quotes unless it holds a single quote and no double quote. */
    public static String stringRepr(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        appendString(out, text);
        return out.toString();
    }

    private static void appendString(StringBuilder out, String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        out.append(quote);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append((char) c);
                    } else if (!isPrintable(c)) {
                        out.append(
                                c <= 0xff
                                        ? String.format("\\x%02x", c)
                                        : c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        out.append(quote);
    }

    /** Python's {@code str.isprintable()} of one code point: not a control, format, separator (but space), private or unassigned one. */
    private static boolean isPrintable(int c) {
        if (c == ' ') {
            return true;
        }
        int type = Character.getType(c);
        return type != Character.CONTROL
                && type != Character.FORMAT
                && type != Character.SURROGATE
                && type != Character.PRIVATE_USE
                && type != Character.UNASSIGNED
                && type != Character.SPACE_SEPARATOR
                && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }

    /** Returns Python's {@code repr(float)}: shortest round-trip digits, an exponent outside 1e-4 .. 1e16. */
    public static String floatRepr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        BigDecimal exact = shortest(value);
        int exponent = exact.precision() - exact.scale() - 1;
        if (exponent < -4 || exponent >= 16) {
            String digits = exact.unscaledValue().abs().toString();
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return (value < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+")
                    + String.format("%02d", Math.abs(exponent));
        }
        String plain = exact.toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /**
     * Returns the fewest significant digits that read back as the value, the nearest such when
     * several do (what Python's repr prints). Java 17's {@code Double.toString} is not always
     * the shortest (4.9E-324 for 5e-324; fixed in Java 19), so the digits are searched for.
     */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int digits = 1; digits < 17; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (Double.parseDouble(rounded.toString()) == value) {
                return rounded.stripTrailingZeros();
            }
        }
        return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** Returns the name of the value's Python type ({@code NoneType}, {@code bool}, {@code int}, {@code str}, ...). */
    public static String typeName(Object value) {
        if (value instanceof PythonObject object) {
            return object.typeName();
        }
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Number number) {
            return isFloat(number) ? "float" : "int";
        }
        if (value instanceof CharSequence) {
            return "str";
        }
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof java.util.Set) {
            return "set";
        }
        if (value instanceof Collection || value instanceof Object[]) {
            return "list";
        }
        return value.getClass().getSimpleName();
    }
}
