package dev.rolehop.python;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/** Python's truth value, {@code bool(value)}: None, False, zero and empty containers are false. */
public final class Truth {

    private Truth() {}

    /** Returns Python's {@code bool(value)}; a {@link PythonObject} decides for itself. */
    public static boolean of(Object value) {
        if (value instanceof PythonObject object) {
            return object.truth();
        }
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof BigInteger big) {
            return big.signum() != 0;
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() != 0;
        }
        if (value instanceof Number number) {
            return PythonRepr.isFloat(number) ? number.doubleValue() != 0 : number.longValue() != 0;
        }
        if (value instanceof CharSequence text) {
            return text.length() > 0;
        }
        if (value instanceof Collection<?> collection) {
            return !collection.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        if (value instanceof Object[] array) {
            return array.length > 0;
        }
        return true;
    }
}
