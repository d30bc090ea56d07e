package dev.rolehop.local.policy;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The IAM condition operators rolehop local evaluates, with IAM's matching rules.
 *
 * <p>Negated operators ({@code StringNotEquals}, ...) hold when no value matches; a key absent
 * from the request makes a condition false, except for negated operators, {@code ...IfExists}
 * and {@code Null}, as IAM documents.
 */
public enum ConditionOperator {
    STRING_EQUALS("StringEquals", false, String::equals),
    STRING_NOT_EQUALS("StringNotEquals", true, String::equals),
    STRING_EQUALS_IGNORE_CASE("StringEqualsIgnoreCase", false, String::equalsIgnoreCase),
    STRING_NOT_EQUALS_IGNORE_CASE("StringNotEqualsIgnoreCase", true, String::equalsIgnoreCase),
    STRING_LIKE("StringLike", false, (actual, pattern) -> Wildcards.matches(pattern, actual, false)),
    STRING_NOT_LIKE("StringNotLike", true, (actual, pattern) -> Wildcards.matches(pattern, actual, false)),
    NUMERIC_EQUALS("NumericEquals", false, (a, b) -> compare(a, b) == 0),
    NUMERIC_NOT_EQUALS("NumericNotEquals", true, (a, b) -> compare(a, b) == 0),
    NUMERIC_LESS_THAN("NumericLessThan", false, (a, b) -> compare(a, b) < 0),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", false, (a, b) -> compare(a, b) <= 0),
    NUMERIC_GREATER_THAN("NumericGreaterThan", false, (a, b) -> compare(a, b) > 0),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", false, (a, b) -> compare(a, b) >= 0),
    DATE_LESS_THAN("DateLessThan", false, (a, b) -> compareDates(a, b) < 0),
    DATE_GREATER_THAN("DateGreaterThan", false, (a, b) -> compareDates(a, b) > 0),
    BOOL("Bool", false, String::equalsIgnoreCase),
    ARN_EQUALS("ArnEquals", false, String::equals),
    ARN_NOT_EQUALS("ArnNotEquals", true, String::equals),
    ARN_LIKE("ArnLike", false, (actual, pattern) -> Wildcards.matches(pattern, actual, false)),
    ARN_NOT_LIKE("ArnNotLike", true, (actual, pattern) -> Wildcards.matches(pattern, actual, false)),
    NULL("Null", false, (a, b) -> true);

    private final String iamName;
    private final boolean negated;
    private final BiPredicate<String, String> matches;

    ConditionOperator(String iamName, boolean negated, BiPredicate<String, String> matches) {
        this.iamName = iamName;
        this.negated = negated;
        this.matches = matches;
    }

    /** The operator's name in policy documents, e.g. {@code StringEquals}. */
    public String iamName() {
        return iamName;
    }

    /** Whether the operator is a negation ({@code StringNotEquals}, ...). */
    public boolean negated() {
        return negated;
    }

    /** Whether one request value matches one policy value (before negation). */
    boolean matches(String actual, String policyValue) {
        try {
            return matches.test(actual, policyValue);
        } catch (RuntimeException badNumberOrDate) {
            // IAM treats an unparsable number or date as a non-match, not as an error.
            return false;
        }
    }

    /** The operator named in a policy, without its {@code IfExists} suffix. */
    public static Optional<ConditionOperator> byName(String iamName) {
        return Arrays.stream(values()).filter(o -> o.iamName.equals(iamName)).findFirst();
    }

    /** The operator names accepted, for error messages. */
    public static String known() {
        StringBuilder out = new StringBuilder();
        for (ConditionOperator o : values()) {
            out.append(out.length() == 0 ? "" : ", ").append(o.iamName);
        }
        return out.toString();
    }

    private static int compare(String a, String b) {
        return new java.math.BigDecimal(a.trim()).compareTo(new java.math.BigDecimal(b.trim()));
    }

    private static int compareDates(String a, String b) {
        return Instant.parse(a.trim().toUpperCase(Locale.ROOT))
                .compareTo(Instant.parse(b.trim().toUpperCase(Locale.ROOT)));
    }
}
