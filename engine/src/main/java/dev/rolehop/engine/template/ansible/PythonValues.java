package dev.rolehop.engine.template.ansible;

import dev.rolehop.python.Truth;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python's truth, equality, ordering and type names applied to the Java values a template sees.
 *
 * <p>Jinjava hands plugins {@link Long}s, {@link Integer}s and {@link Double}s where Python has
 * one {@code int} and one {@code float}, and {@code 1 == 1.0 == True} in Python; these helpers
 * compare by Python's rules so {@code unique}, {@code in} or {@code sort} agree with Ansible.
 */
final class PythonValues {
    private PythonValues() {}

    /** Returns Python's {@code bool(value)}. */
    static boolean truthy(Object value) {
        if (value instanceof Undefined undefined) {
            throw undefined.error();
        }
        return Truth.of(value);
    }

    /** Returns whether the number is a Python float rather than an int. */
    static boolean isFloat(Number number) {
        return number instanceof Double || number instanceof Float || number instanceof BigDecimal;
    }

    /** Returns an integral number as a BigInteger. */
    static BigInteger integer(Number number) {
        return number instanceof BigInteger big ? big : BigInteger.valueOf(number.longValue());
    }

    /** Returns whether the value is a Python number (int, float or bool). */
    static boolean isNumeric(Object value) {
        return value instanceof Number || value instanceof Boolean;
    }

    /** Returns Python's {@code a == b}, where {@code 1 == 1.0 == True} and containers compare deeply. */
    static boolean equal(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (isNumeric(a) && isNumeric(b)) {
            return numericKey(a).compareTo(numericKey(b)) == 0;
        }
        if (a instanceof CharSequence x && b instanceof CharSequence y) {
            return x.toString().equals(y.toString());
        }
        if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<?, ?> entry : x.entrySet()) {
                Object key = findKey(y, entry.getKey());
                if (key == NO_KEY || !equal(entry.getValue(), y.get(key))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static final Object NO_KEY = new Object();

    /** Returns Python's {@code dict.get(key, fallback)}: the key found by Python's equality. */
    static Object lookup(Map<?, ?> map, Object key, Object fallback) {
        Object found = findKey(map, key);
        return found == NO_KEY ? fallback : map.get(found);
    }

    private static Object findKey(Map<?, ?> map, Object key) {
        // Immutable maps reject a null probe, so None keys take the scan below.
        if (key != null && map.containsKey(key)) {
            return key;
        }
        if (key instanceof String) {
            // Hash lookup suffices for str keys; only numbers (1 == 1.0 == True) need Python's equality.
            return NO_KEY;
        }
        for (Object candidate : map.keySet()) {
            if (equal(candidate, key)) {
                return candidate;
            }
        }
        return NO_KEY;
    }

    /** Returns whether {@code container} holds {@code item} by Python's {@code in}. */
    static boolean contains(Object container, Object item) {
        if (container instanceof CharSequence text) {
            if (!(item instanceof CharSequence)) {
                throw AnsibleFilterError.typeError(
                        "'in <string>' requires string as left operand, not " + typeName(item));
            }
            return text.toString().contains(item.toString());
        }
        if (container instanceof Map<?, ?> map) {
            return findKey(map, item) != NO_KEY;
        }
        for (Object element : iterable(container)) {
            if (equal(element, item)) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal numericKey(Object value) {
        if (value instanceof Boolean bool) {
            return bool ? BigDecimal.ONE : BigDecimal.ZERO;
        }
        Number number = (Number) value;
        if (isFloat(number)) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(d) : BigDecimal.valueOf(Double.MAX_VALUE * Math.signum(d));
        }
        return new BigDecimal(integer(number));
    }

    /**
     * Returns Python's ordering of two values ({@code <}), or throws Python's TypeError message
     * when Python cannot order them (for example a str and an int).
     */
    static int compare(Object a, Object b) {
        return compare(a, b, "<");
    }

    /** Returns Python's ordering of two values; a TypeError names the operator {@code op}. */
    static int compare(Object a, Object b, String op) {
        if (isNumeric(a) && isNumeric(b)) {
            return numericKey(a).compareTo(numericKey(b));
        }
        if (a instanceof CharSequence x && b instanceof CharSequence y) {
            return x.toString().compareTo(y.toString());
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                if (!equal(x.get(i), y.get(i))) {
                    return compare(x.get(i), y.get(i), op);
                }
            }
            return Integer.compare(x.size(), y.size());
        }
        throw AnsibleFilterError.typeError(
                "'" + op + "' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    /** Returns the Python type name Ansible would report ({@code type_debug}, error messages). */
    static String typeName(Object value) {
        return dev.rolehop.python.PythonRepr.typeName(value);
    }

    /** Returns whether the value is a Python sequence other than a string (list, tuple, set). */
    static boolean isSequence(Object value) {
        return value instanceof Collection<?> || value instanceof Object[];
    }

    /**
     * Returns the items Python's {@code iter()} yields: list elements, dict keys, string
     * characters; throws Python's message for a non-iterable.
     */
    static List<Object> iterable(Object value) {
        List<Object> items = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            items.addAll(collection);
        } else if (value instanceof Map<?, ?> map) {
            items.addAll(map.keySet());
        } else if (value instanceof CharSequence text) {
            text.toString().codePoints().forEach(c -> items.add(new String(Character.toChars(c))));
        } else if (value instanceof Object[] array) {
            items.addAll(java.util.Arrays.asList(array));
        } else if (value instanceof Iterable<?> iterable) {
            Iterator<?> iterator = iterable.iterator();
            iterator.forEachRemaining(items::add);
        } else {
            throw AnsibleFilterError.typeError("'" + typeName(value) + "' object is not iterable");
        }
        return items;
    }
}
