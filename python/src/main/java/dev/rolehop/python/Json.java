package dev.rolehop.python;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Python's {@code json.dumps}: its separators, indentation, {@code sort_keys} ordering,
 * {@code ensure_ascii} escaping (U+007F and everything above it as {@code \\uXXXX}, characters
 * beyond the BMP as surrogate pairs) and number formatting, so that text hashed or compared
 * with Python's (the AWS CLI's cache keys, ansible-playbook's output) is byte for byte the same.
 * Parsing is {@link #loads}.
 *
 * <p>Values as in {@link PythonRepr}; a {@link PythonObject} is written as its
 * {@link PythonObject#toJson()}, which by default raises Python's TypeError. Instances are
 * immutable: {@code Json.dumps().sortKeys(true).indent(4).write(value)}.
 *
 * @param indent spaces per level, or null for one line ({@code indent=None})
 * @param sortKeys whether mapping keys are sorted ({@code sort_keys})
 * @param itemSeparator between items ({@code ", "}, or {@code ","} when indenting)
 * @param keySeparator between a key and its value ({@code ": "})
 * @param ensureAscii whether characters outside printable ASCII are escaped ({@code ensure_ascii}, true by default)
 * @param fallback Python's {@code default=}: what to write in place of an object of a type this
 *     class does not know, or null for Python's TypeError
 */
public record Json(
        Integer indent,
        boolean sortKeys,
        String itemSeparator,
        String keySeparator,
        boolean ensureAscii,
        Function<Object, Object> fallback) {

    public Json {
        if (itemSeparator == null || keySeparator == null) {
            throw new IllegalArgumentException("separators must not be null");
        }
    }

    /** Returns Python's defaults, those of {@code json.dumps(value)}. */
    public static Json dumps() {
        return new Json(null, false, ", ", ": ", true, null);
    }

    /** Returns {@code json.dumps(value)}, with Python's defaults. */
    public static String dumps(Object value) {
        return dumps().write(value);
    }

    /**
     * Returns Python's {@code json.loads(text)}.
     *
     * @throws JsonDecodeError with Python's message where Python's raises one
     */
    public static Object loads(String text) {
        return JsonLoads.loads(text);
    }

    /** Sets {@code indent}; as in Python, also the item separator to {@code ","} (null: one line, {@code ", "}). */
    public Json indent(Integer spaces) {
        return new Json(spaces, sortKeys, spaces == null ? ", " : ",", keySeparator, ensureAscii, fallback);
    }

    /** Sets {@code sort_keys}. */
    public Json sortKeys(boolean sort) {
        return new Json(indent, sort, itemSeparator, keySeparator, ensureAscii, fallback);
    }

    /** Sets {@code separators=(item, key)}. */
    public Json separators(String item, String key) {
        return new Json(indent, sortKeys, item, key, ensureAscii, fallback);
    }

    /** Sets {@code ensure_ascii}. */
    public Json ensureAscii(boolean ascii) {
        return new Json(indent, sortKeys, itemSeparator, keySeparator, ascii, fallback);
    }

    /**
     * Sets {@code default=}: the function is given each object of a type this class does not know
     * (and each {@link PythonObject} without a JSON form) and returns what to write instead.
     */
    public Json fallback(Function<Object, Object> function) {
        return new Json(indent, sortKeys, itemSeparator, keySeparator, ensureAscii, function);
    }

    /**
     * Returns the JSON text of the value.
     *
     * @throws PythonTypeError where Python's json.dumps raises TypeError (a value or key it cannot
     *     write, keys it cannot sort), with Python's message
     */
    public String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, 0);
        return out.toString();
    }

    private void write(StringBuilder out, Object value, int level) {
        if (value instanceof PythonObject object) {
            Object standIn;
            try {
                standIn = object.toJson();
            } catch (PythonTypeError e) {
                if (fallback == null) {
                    throw e;
                }
                standIn = fallback(value);
            }
            write(out, standIn, level);
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean bool) {
            out.append(bool ? "true" : "false");
        } else if (value instanceof CharSequence text) {
            string(out, text.toString());
        } else if (value instanceof Number number) {
            out.append(number(number));
        } else if (value instanceof Map<?, ?> map) {
            writeMap(out, map, level);
        } else if (value instanceof Collection<?> list) {
            writeList(out, list, level);
        } else if (value instanceof Object[] array) {
            writeList(out, Arrays.asList(array), level);
        } else if (fallback != null) {
            write(out, fallback(value), level);
        } else {
            throw new PythonTypeError("Object of type " + PythonRepr.typeName(value) + " is not JSON serializable");
        }
    }

    /** Python's {@code default=}: called for an object json cannot write, it returns one json can. */
    private Object fallback(Object value) {
        Object replacement = fallback.apply(value);
        if (replacement == value || replacement != null && !known(replacement)) {
            throw new PythonTypeError("Object of type " + PythonRepr.typeName(value) + " is not JSON serializable");
        }
        return replacement;
    }

    private static boolean known(Object value) {
        return value instanceof PythonObject
                || value instanceof Boolean
                || value instanceof CharSequence
                || value instanceof Number
                || value instanceof Map
                || value instanceof Collection
                || value instanceof Object[];
    }

    private static String number(Number number) {
        if (PythonRepr.isFloat(number)) {
            double real = number.doubleValue();
            return Double.isNaN(real)
                    ? "NaN"
                    : Double.isInfinite(real) ? (real > 0 ? "Infinity" : "-Infinity") : PythonRepr.floatRepr(real);
        }
        return PythonRepr.numberRepr(number);
    }

    private void writeMap(StringBuilder out, Map<?, ?> map, int level) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
        if (sortKeys) {
            entries.sort(Comparator.comparing(Map.Entry::getKey, Json::compareKeys));
        }
        out.append('{');
        for (int i = 0; i < entries.size(); i++) {
            out.append(i == 0 ? "" : itemSeparator);
            newline(out, level + 1);
            string(out, key(entries.get(i).getKey()));
            out.append(keySeparator);
            write(out, entries.get(i).getValue(), level + 1);
        }
        newline(out, level);
        out.append('}');
    }

    private void writeList(StringBuilder out, Collection<?> items, int level) {
        if (items.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Object item : items) {
            out.append(first ? "" : itemSeparator);
            first = false;
            newline(out, level + 1);
            write(out, item, level + 1);
        }
        newline(out, level);
        out.append(']');
    }

    private void newline(StringBuilder out, int level) {
        if (indent != null) {
            out.append('\n').append(" ".repeat(indent * level));
        }
    }

    /** Python converts str, int, float, bool and None keys to strings; other keys are a TypeError. */
    private static String key(Object key) {
        if (key instanceof CharSequence text) {
            return text.toString();
        }
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean bool) {
            return bool ? "true" : "false";
        }
        if (key instanceof Number number) {
            return number(number);
        }
        throw new PythonTypeError("keys must be str, int, float, bool or None, not " + PythonRepr.typeName(key));
    }

    /** Python's {@code <} between two keys: numbers (and bools) with numbers, strs by code point; else TypeError. */
    private static int compareKeys(Object a, Object b) {
        if (a instanceof CharSequence x && b instanceof CharSequence y) {
            return compareCodePoints(x.toString(), y.toString());
        }
        if (numeric(a) && numeric(b)) {
            return decimal(a).compareTo(decimal(b));
        }
        throw new PythonTypeError("'<' not supported between instances of '" + PythonRepr.typeName(a) + "' and '"
                + PythonRepr.typeName(b) + "'");
    }

    private static boolean numeric(Object value) {
        return value instanceof Boolean
                || value instanceof Number number
                        && !(PythonRepr.isFloat(number) && !Double.isFinite(number.doubleValue()));
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Boolean bool) {
            return bool ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        Number number = (Number) value;
        if (PythonRepr.isFloat(number)) {
            return new BigDecimal(number.doubleValue());
        }
        return new BigDecimal(number instanceof BigInteger big ? big : BigInteger.valueOf(number.longValue()));
    }

    /** Compares as Python compares str: by code point, not by UTF-16 unit. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    private void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || (ensureAscii && c > 0x7e)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
