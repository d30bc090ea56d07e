package dev.rolehop.python;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Ansible's {@code boolean()} ({@code ansible/module_utils/parsing/convert_bool.py}): the one list
 * of words that mean true and false, for keywords, module arguments, filters and configuration.
 *
 * <p>True: {@code True}, the numbers 1 and 1.0, and the strings y, yes, on, 1, true, t; false:
 * {@code False}, 0, 0.0 and n, no, off, 0, false, f. Strings are compared lowercased and
 * stripped of surrounding whitespace; the string {@code "1.0"} is neither.
 */
public final class Booleans {

    /** {@code BOOLEANS_TRUE}'s strings. */
    public static final Set<String> TRUE_WORDS = Set.of("y", "yes", "on", "1", "true", "t");
    /** {@code BOOLEANS_FALSE}'s strings. */
    public static final Set<String> FALSE_WORDS = Set.of("n", "no", "off", "0", "false", "f");

    /**
     * The listing of valid booleans in {@link #strict}'s message: Python prints its frozenset, the
     * ints 0 and 1 first and the strings in an order that changes with each process's hash seed.
     */
    private static final String VALID = "0, 1, 'y', 'yes', 'on', '1', 'true', 't', 'n', 'no', 'off', '0', 'false', 'f'";

    private Booleans() {}

    /** Returns the boolean the value spells, or empty where Ansible's strict {@code boolean()} raises. */
    public static Optional<Boolean> parse(Object value) {
        if (value instanceof Boolean bool) {
            return Optional.of(bool);
        }
        if (value instanceof CharSequence text) {
            String word = text.toString().strip().toLowerCase(Locale.ROOT);
            return TRUE_WORDS.contains(word)
                    ? Optional.of(true)
                    : FALSE_WORDS.contains(word) ? Optional.of(false) : Optional.empty();
        }
        if (value instanceof Number number) {
            BigDecimal decimal = number instanceof BigDecimal d
                    ? d
                    : PythonRepr.isFloat(number) && !Double.isFinite(number.doubleValue())
                            ? null
                            : new BigDecimal(number.toString());
            if (decimal == null) {
                return Optional.empty();
            }
            return decimal.compareTo(BigDecimal.ONE) == 0
                    ? Optional.of(true)
                    : decimal.signum() == 0 ? Optional.of(false) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * Returns Ansible's {@code boolean(value, strict=True)}.
     *
     * @throws PythonTypeError with Ansible's message ("The value 'maybe' is not a valid boolean.
     *     Valid booleans include: ...") when the value is none of the words or numbers
     */
    public static boolean strict(Object value) {
        return parse(value)
                .orElseThrow(() -> new PythonTypeError("The value '" + PythonRepr.str(value)
                        + "' is not a valid boolean.  Valid booleans include: " + VALID));
    }

    /** Returns Ansible's {@code boolean(value, strict=False)}: true for the true words and numbers, false for anything else. */
    public static boolean lenient(Object value) {
        return parse(value).orElse(false);
    }
}
