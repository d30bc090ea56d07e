package dev.rolehop.local.wire;

import java.util.regex.Pattern;

/** The query services' (STS, IAM) parameter validation and its {@code ValidationError} messages. */
public final class Validation {

    private Validation() {}

    /** STS's {@code 1 validation error detected: Value 'v' at 'field' failed to satisfy constraint: ...}. */
    public static AwsException error(String value, String field, String constraint) {
        return AwsErrorCode.VALIDATION_ERROR.error("1 validation error detected: Value "
                + (value == null ? "null" : "'" + value + "'") + " at '" + field
                + "' failed to satisfy constraint: " + constraint);
    }

    /** A required string parameter with length bounds and a pattern. */
    public static String string(
            QueryParams params, String name, int min, int max, Pattern pattern, String patternText) {
        String field = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        String value = params.get(name).orElse(null);
        if (value == null) {
            throw error(null, field, "Member must not be null");
        }
        return check(value, field, min, max, pattern, patternText);
    }

    /** Checks an optional string parameter's length and pattern. */
    public static String check(String value, String field, int min, int max, Pattern pattern, String patternText) {
        if (value.length() < min) {
            throw error(value, field, "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw error(value, field, "Member must have length less than or equal to " + max);
        }
        if (pattern != null && !pattern.matcher(value).matches()) {
            throw error(value, field, "Member must satisfy regular expression pattern: " + patternText);
        }
        return value;
    }

    /** An optional integer parameter within bounds, or the default. */
    public static int integer(QueryParams params, String name, int min, int max, int defaultValue) {
        String field = Character.toLowerCase(name.charAt(0)) + name.substring(1);
        String text = params.get(name).orElse(null);
        if (text == null) {
            return defaultValue;
        }
        long value;
        try {
            value = Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw AwsErrorCode.VALIDATION_ERROR.error("Value '" + text + "' for parameter " + name + " is invalid.");
        }
        if (value < min) {
            throw error(text, field, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw error(text, field, "Member must have value less than or equal to " + max);
        }
        return (int) value;
    }
}
