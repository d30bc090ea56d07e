package dev.rolehop.engine.template.ansible;

import java.util.ArrayList;
import java.util.List;

/** Python's {@code +} on the values {@code sum} meets: ints, floats, bools and lists. */
final class PythonArithmetic {
    private PythonArithmetic() {}

    /** Returns {@code a + b}, or Python's TypeError message for unsupported operands. */
    static Object add(Object a, Object b) {
        if (PythonValues.isNumeric(a) && PythonValues.isNumeric(b)) {
            Number x = a instanceof Boolean bool ? (bool ? 1L : 0L) : (Number) a;
            Number y = b instanceof Boolean bool ? (bool ? 1L : 0L) : (Number) b;
            if (PythonValues.isFloat(x) || PythonValues.isFloat(y)) {
                return x.doubleValue() + y.doubleValue();
            }
            return PythonNumbers.narrow(PythonValues.integer(x).add(PythonValues.integer(y)));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            List<Object> joined = new ArrayList<>(x);
            joined.addAll(y);
            return joined;
        }
        if (a instanceof CharSequence x && b instanceof CharSequence y) {
            return x.toString() + y;
        }
        throw AnsibleFilterError.typeError("unsupported operand type(s) for +: '" + PythonValues.typeName(a) + "' and '"
                + PythonValues.typeName(b) + "'");
    }
}
