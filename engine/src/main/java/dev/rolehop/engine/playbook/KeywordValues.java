package dev.rolehop.engine.playbook;

import dev.rolehop.engine.template.PythonText;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts a keyword's value (after templating, where Ansible templates it) to the keyword's type
 * with the strict semantics of ansible-core 2.14's {@code FieldAttributeBase.get_validated_value}:
 * {@code boolean(value, strict=True)}, Python's {@code int()} and {@code float()}, {@code percent}
 * (a number with an optional {@code %}), {@code list} (a single value becomes a one-item list),
 * {@code dict} and {@code string} ({@code to_text}). A value that does not convert raises
 * {@link KeywordValueError} with Ansible's message.
 */
public final class KeywordValues {

    private static final Set<String> TRUE = Set.of("y", "yes", "on", "1", "true", "t");
    private static final Set<String> FALSE = Set.of("n", "no", "off", "0", "false", "f");
    /**
     * Python's {@code ', '.join(repr(i) for i in BOOLEANS)}: a set, whose order depends on the hash
     * seed; this is its order under {@code PYTHONHASHSEED=0}, the seed of the corpus recordings.
     */
    static final String VALID_BOOLEANS =
            "0, 'y', 'true', 1, 'f', 'n', 'off', 't', '0', 'no', 'false', '1', 'on', 'yes'";

    private static final Pattern INT = Pattern.compile("[+-]?\\d+(_\\d+)*");
    private static final Pattern FLOAT =
            Pattern.compile("[+-]?((\\d+(_\\d+)*)(\\.(\\d+(_\\d+)*)?)?|\\.\\d+(_\\d+)*)([eE][+-]?\\d+(_\\d+)*)?");
    private static final Pattern SPECIAL_FLOAT = Pattern.compile("[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private KeywordValues() {}

    /**
     * The value converted to the keyword's type; {@code null} stays {@code null} (the keyword's
     * default applies).
     *
     * @param raw the value as written (or inherited), which Ansible's message shows
     * @throws KeywordValueError when the value does not convert
     */
    public static Object convert(Keyword keyword, Object raw, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (keyword.type()) {
                case BOOL -> bool(value);
                case INT -> integer(value);
                case FLOAT -> number(value);
                case PERCENT -> number(value instanceof String s && s.contains("%") ? s.replace("%", "") : value);
                case STRING -> value instanceof String s ? s : PythonText.str(value);
                case LIST -> list(keyword, value);
                case DICT -> dict(value);
                case CLASS, ANY -> value;
            };
        } catch (PythonError e) {
            throw new KeywordValueError(
                    keyword,
                    "the field '" + keyword.field() + "' has an invalid value ("
                            + PythonText.str(raw) + "), and could not be converted to an "
                            + keyword.type().isa()
                            + ".The error was: " + e.getMessage(),
                    e.getMessage(),
                    null);
        }
    }

    /** Ansible's {@code boolean(value, strict=True)}. */
    public static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            throw new PythonError("unhashable type: '" + typeName(value) + "'");
        }
        if (value instanceof String s) {
            String normalized = s.toLowerCase(Locale.ROOT).strip();
            if (TRUE.contains(normalized)) {
                return true;
            }
            if (FALSE.contains(normalized)) {
                return false;
            }
        } else if (value instanceof Number n) {
            double d = n.doubleValue();
            if (d == 1) {
                return true;
            }
            if (d == 0) {
                return false;
            }
        }
        throw new PythonError("The value '" + PythonText.str(value)
                + "' is not a valid boolean.  Valid booleans include: " + VALID_BOOLEANS);
    }

    /** Python's {@code int(value)}. */
    public static long integer(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.longValue();
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d)) {
                throw new PythonError("cannot convert float NaN to integer");
            }
            if (Double.isInfinite(d)) {
                throw new PythonError("cannot convert float infinity to integer");
            }
            return new BigDecimal(d).longValue();
        }
        if (value instanceof String s) {
            String text = s.strip();
            if (INT.matcher(text).matches()) {
                return new BigInteger(text.replace("_", "").replace("+", "")).longValue();
            }
            throw new PythonError("invalid literal for int() with base 10: " + PythonText.repr(s));
        }
        throw new PythonError(
                "int() argument must be a string, a bytes-like object or a real number, not '" + typeName(value) + "'");
    }

    /** Python's {@code float(value)}. */
    public static double number(Object value) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            String text = s.strip();
            if (FLOAT.matcher(text).matches()) {
                return Double.parseDouble(text.replace("_", ""));
            }
            if (SPECIAL_FLOAT.matcher(text).matches()) {
                String lower = text.toLowerCase(Locale.ROOT);
                return lower.contains("nan")
                        ? Double.NaN
                        : lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            throw new PythonError("could not convert string to float: " + PythonText.repr(s));
        }
        throw new PythonError("float() argument must be a string or a real number, not '" + typeName(value) + "'");
    }

    private static List<Object> list(Keyword keyword, Object value) {
        List<Object> list = value instanceof List<?> given ? new ArrayList<>(given) : new ArrayList<>(List.of(value));
        if (keyword.listOfStrings()) {
            for (Object item : list) {
                if (!(item instanceof String)) {
                    String message =
                            "the field '" + keyword.key() + "' should be a list of (<class 'str'>,), but the item '"
                                    + PythonText.str(item) + "' is a <class '" + typeName(item) + "'>";
                    throw new KeywordValueError(keyword, message, message, null);
                }
            }
        }
        return list;
    }

    private static Map<?, ?> dict(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new PythonError(PythonText.str(value) + " is not a dictionary");
    }

    /** Python's name of a value's type. */
    static String typeName(Object value) {
        if (value == null) {
            return "NoneType";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            return "float";
        }
        if (value instanceof Number) {
            return "int";
        }
        if (value instanceof CharSequence) {
            return "str";
        }
        if (value instanceof Map<?, ?>) {
            return "dict";
        }
        return value instanceof Collection<?> ? "list" : value.getClass().getSimpleName();
    }

    /** A Python {@code TypeError} or {@code ValueError} of a conversion: its message is Ansible's "The error was". */
    private static final class PythonError extends RuntimeException {

        private static final long serialVersionUID = 1L;

        PythonError(String message) {
            super(message, null, false, false);
        }
    }
}
