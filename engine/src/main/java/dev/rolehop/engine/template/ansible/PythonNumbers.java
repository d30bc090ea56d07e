package dev.rolehop.engine.template.ansible;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/** Parses numbers from text the way Python's {@code int(text, base)} and {@code float(text)} do. */
final class PythonNumbers {
    private static final Pattern FLOAT =
            Pattern.compile("[+-]?((\\d(_?\\d)*)?\\.?\\d(_?\\d)*|\\d(_?\\d)*\\.)([eE][+-]?\\d(_?\\d)*)?");

    private PythonNumbers() {}

    /** Returns {@code int(text, base)}, or null where Python raises ValueError. */
    static BigInteger parseInt(String text, int base) {
        String s = text.strip();
        boolean negative = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        int prefixBase = lower.startsWith("0x") ? 16 : lower.startsWith("0o") ? 8 : lower.startsWith("0b") ? 2 : 0;
        if (prefixBase != 0 && (base == 0 || base == prefixBase)) {
            s = s.substring(2);
            s = s.startsWith("_") ? s.substring(1) : s;
            base = prefixBase;
        } else if (base == 0) {
            // base 0 reads a literal: no prefix means decimal, and leading zeros are not allowed.
            if (s.length() > 1 && s.startsWith("0") && !s.replace("_", "").matches("0+")) {
                return null;
            }
            base = 10;
        }
        if (s.isEmpty() || s.startsWith("_") || s.endsWith("_") || s.contains("__")) {
            return null;
        }
        try {
            BigInteger parsed = new BigInteger(s.replace("_", ""), base);
            return negative ? parsed.negate() : parsed;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Returns {@code float(text)}, or null where Python raises ValueError. */
    static Double parseFloat(String text) {
        String s = text.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        String unsigned = lower.startsWith("+") || lower.startsWith("-") ? lower.substring(1) : lower;
        double sign = lower.startsWith("-") ? -1 : 1;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return sign * Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!FLOAT.matcher(s).matches()) {
            return null;
        }
        return Double.parseDouble(s.replace("_", ""));
    }

    /** Returns the integer as a Long when it fits, as Jinjava's own integers are Longs. */
    static Number narrow(BigInteger value) {
        return value.bitLength() < 64 ? (Number) value.longValue() : value;
    }

    /**
     * An int argument as Python passes it to C ({@code Py_ssize_t}): a value beyond the range fails
     * with Python's {@code OverflowError} instead of wrapping around. Not a number: a Java cast error,
     * which the templar words as Python's TypeError.
     */
    static int index(Object value) {
        if (value instanceof BigInteger || value instanceof Long) {
            BigInteger big = value instanceof BigInteger b ? b : BigInteger.valueOf((Long) value);
            if (big.bitLength() > 31) {
                throw new AnsibleFilterError("Python int too large to convert to C ssize_t", "OverflowError");
            }
        }
        return ((Number) value).intValue();
    }
}
