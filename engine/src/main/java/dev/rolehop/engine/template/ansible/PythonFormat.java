package dev.rolehop.engine.template.ansible;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code str.format(*args, **kwargs)}: {@code {}}, {@code {0}} and {@code {name}} fields
 * with {@code .attr}/{@code [key]} lookups, {@code !r}/{@code !s} conversions and the format
 * mini-language ({@code [[fill]align][sign][#][0][width][,][.precision][type]}) for text, integers
 * and floats, with CPython's error messages.
 */
final class PythonFormat {
    private static final Pattern SPEC =
            Pattern.compile("(?:(.)?([<>=^]))?([-+ ])?(#)?(0)?(\\d+)?([,_])?(?:\\.(\\d+))?([bcdeEfFgGnosxX%])?");
    private static final Pattern FIELD = Pattern.compile("([^.\\[]*)((?:\\.[^.\\[]+|\\[[^]]*])*)");
    private static final Pattern LOOKUP = Pattern.compile("\\.([^.\\[]+)|\\[([^]]*)]");

    private PythonFormat() {}

    static String format(String template, List<Object> positional, Map<String, Object> keywords) {
        StringBuilder out = new StringBuilder();
        int automatic = 0;
        boolean manual = false;
        int at = 0;
        while (at < template.length()) {
            char c = template.charAt(at);
            if (c == '}') {
                if (at + 1 < template.length() && template.charAt(at + 1) == '}') {
                    out.append('}');
                    at += 2;
                    continue;
                }
                throw new AnsibleFilterError("Single '}' encountered in format string", "ValueError");
            }
            if (c != '{') {
                out.append(c);
                at++;
                continue;
            }
            if (at + 1 < template.length() && template.charAt(at + 1) == '{') {
                out.append('{');
                at += 2;
                continue;
            }
            int close = template.indexOf('}', at);
            if (close < 0) {
                throw new AnsibleFilterError(
                        at + 1 == template.length()
                                ? "Single '{' encountered in format string"
                                : "expected '}' before end of string",
                        "ValueError");
            }
            String field = template.substring(at + 1, close);
            at = close + 1;
            String spec = "";
            int colon = field.indexOf(':');
            if (colon >= 0) {
                spec = field.substring(colon + 1);
                field = field.substring(0, colon);
            }
            Character conversion = null;
            int bang = field.indexOf('!');
            if (bang >= 0) {
                conversion = field.length() > bang + 1 ? field.charAt(bang + 1) : null;
                field = field.substring(0, bang);
            }
            Matcher parts = FIELD.matcher(field);
            parts.matches();
            String name = parts.group(1);
            Object value;
            if (name.isEmpty()) {
                if (manual) {
                    throw new AnsibleFilterError(
                            "cannot switch from manual field specification to automatic field numbering", "ValueError");
                }
                value = positional(positional, automatic++);
            } else if (name.chars().allMatch(Character::isDigit)) {
                if (automatic > 0) {
                    throw new AnsibleFilterError(
                            "cannot switch from automatic field numbering to manual field specification", "ValueError");
                }
                manual = true;
                value = positional(positional, Integer.parseInt(name));
            } else if (keywords.containsKey(name)) {
                value = keywords.get(name);
            } else {
                throw new AnsibleFilterError("'" + name + "'", "KeyError");
            }
            value = lookups(value, parts.group(2));
            out.append(formatValue(convert(value, conversion), spec));
        }
        return out.toString();
    }

    private static Object positional(List<Object> positional, int index) {
        if (index >= positional.size()) {
            throw new AnsibleFilterError(
                    "Replacement index " + index + " out of range for positional args tuple", "IndexError");
        }
        return positional.get(index);
    }

    /** The {@code .attr} and {@code [key]} parts of a field, looked up as Python's format does. */
    private static Object lookups(Object value, String chain) {
        Matcher step = LOOKUP.matcher(chain);
        while (step.find()) {
            String key = step.group(1) != null ? step.group(1) : step.group(2);
            if (value instanceof List<?> list
                    && step.group(2) != null
                    && key.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(key);
                if (index >= list.size()) {
                    throw new AnsibleFilterError("list index out of range", "IndexError");
                }
                value = list.get(index);
            } else if (value instanceof Map<?, ?> map && step.group(2) != null && map.containsKey(key)) {
                value = map.get(key);
            } else if (step.group(2) != null) {
                throw new AnsibleFilterError("'" + key + "'", "KeyError");
            } else {
                throw new AnsibleFilterError(
                        "'" + PythonValues.typeName(value) + "' object has no attribute '" + key + "'",
                        "AttributeError");
            }
        }
        return value;
    }

    private static Object convert(Object value, Character conversion) {
        if (conversion == null) {
            return value;
        }
        return switch (conversion) {
            case 's' -> PythonRepr.str(value);
            case 'r', 'a' -> PythonRepr.repr(value);
            default -> throw new AnsibleFilterError("Unknown conversion specifier " + conversion, "ValueError");
        };
    }

    private static String formatValue(Object value, String specText) {
        if (specText.isEmpty()) {
            return PythonRepr.str(value);
        }
        Matcher spec = SPEC.matcher(specText);
        boolean number = value instanceof Number || value instanceof Boolean;
        if (!spec.matches()) {
            throw new AnsibleFilterError("Invalid format specifier", "ValueError");
        }
        char type = spec.group(9) == null ? 0 : spec.group(9).charAt(0);
        Integer precision = spec.group(8) == null ? null : Integer.valueOf(spec.group(8));
        String body;
        String sign = "";
        if (!number) {
            if (!(value instanceof CharSequence) || (type != 0 && type != 's')) {
                throw unknown(type == 0 ? specText.charAt(specText.length() - 1) : type, value);
            }
            body = precision == null
                    ? value.toString()
                    : value.toString()
                            .substring(0, Math.min(precision, value.toString().length()));
        } else {
            Number amount = value instanceof Boolean bool ? (Number) (bool ? 1L : 0L) : (Number) value;
            boolean isFloat = PythonValues.isFloat(amount);
            if ("bcdoxXn".indexOf(type) >= 0 && type != 0 && isFloat) {
                throw unknown(type, value);
            }
            if (type == 's') {
                throw unknown(type, value);
            }
            BigDecimal decimal = isFloat
                    ? new BigDecimal(amount.doubleValue())
                    : new BigDecimal(amount instanceof BigInteger big ? big : BigInteger.valueOf(amount.longValue()));
            boolean negative = decimal.signum() < 0 || (isFloat && 1 / amount.doubleValue() < 0);
            decimal = decimal.abs();
            body = digits(decimal, isFloat, type, precision, spec.group(4) != null);
            if (spec.group(7) != null) {
                body = group(body, spec.group(7));
            }
            sign = negative ? "-" : "+".equals(spec.group(3)) ? "+" : " ".equals(spec.group(3)) ? " " : "";
        }
        int width = spec.group(6) == null ? 0 : Integer.parseInt(spec.group(6));
        String fill =
                spec.group(1) != null ? spec.group(1) : spec.group(5) != null && spec.group(2) == null ? "0" : " ";
        char align = spec.group(2) != null
                ? spec.group(2).charAt(0)
                : spec.group(5) != null && number ? '=' : number ? '>' : '<';
        int pad = Math.max(0, width - sign.length() - body.length());
        return switch (align) {
            case '<' -> sign + body + fill.repeat(pad);
            case '>' -> fill.repeat(pad) + sign + body;
            case '^' -> fill.repeat(pad / 2) + sign + body + fill.repeat(pad - pad / 2);
            default -> sign + fill.repeat(pad) + body;
        };
    }

    private static AnsibleFilterError unknown(char type, Object value) {
        return new AnsibleFilterError(
                "Unknown format code '" + type + "' for object of type '" + PythonValues.typeName(value) + "'",
                "ValueError");
    }

    /** The digits of a non-negative number for a presentation type. */
    private static String digits(BigDecimal value, boolean isFloat, char type, Integer precision, boolean alternate) {
        switch (type) {
            case 'b', 'o', 'x', 'X' -> {
                int radix = type == 'b' ? 2 : type == 'o' ? 8 : 16;
                String text = value.toBigInteger().toString(radix);
                text = type == 'X' ? text.toUpperCase(java.util.Locale.ROOT) : text;
                return alternate ? "0" + (type == 'X' ? 'X' : type) + text : text;
            }
            case 'c' -> {
                return new String(Character.toChars(value.intValue()));
            }
            case 'f', 'F' -> {
                return value.setScale(precision == null ? 6 : precision, RoundingMode.HALF_EVEN)
                        .toPlainString();
            }
            case '%' -> {
                return value.movePointRight(2)
                                .setScale(precision == null ? 6 : precision, RoundingMode.HALF_EVEN)
                                .toPlainString()
                        + "%";
            }
            case 'e', 'E' -> {
                String text = scientific(value, precision == null ? 6 : precision);
                return type == 'E' ? text.toUpperCase(java.util.Locale.ROOT) : text;
            }
            case 'g', 'G' -> {
                String text = general(value, precision == null ? 6 : Math.max(1, precision), alternate);
                return type == 'G' ? text.toUpperCase(java.util.Locale.ROOT) : text;
            }
            default -> {
                if (!isFloat) {
                    return value.toBigInteger().toString();
                }
                return precision == null
                        ? PythonRepr.floatRepr(value.doubleValue())
                        : general(value, Math.max(1, precision), alternate);
            }
        }
    }

    private static String scientific(BigDecimal value, int precision) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO.setScale(precision).toPlainString() + "e+00";
        }
        BigDecimal rounded = value.round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        String mantissa = rounded.movePointLeft(exponent)
                .setScale(precision, RoundingMode.HALF_EVEN)
                .toPlainString();
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    private static String general(BigDecimal value, int precision, boolean alternate) {
        int exponent = value.signum() == 0
                ? 0
                : value.round(new MathContext(precision, RoundingMode.HALF_EVEN))
                                .precision()
                        - value.round(new MathContext(precision, RoundingMode.HALF_EVEN))
                                .scale()
                        - 1;
        String text = exponent >= -4 && exponent < precision
                ? value.setScale(precision - 1 - exponent, RoundingMode.HALF_EVEN)
                        .toPlainString()
                : scientific(value, precision - 1);
        if (alternate) {
            return text;
        }
        String mantissa = text.contains("e") ? text.substring(0, text.indexOf('e')) : text;
        String rest = text.substring(mantissa.length());
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + rest;
    }

    private static String group(String digits, String separator) {
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                out.append(separator);
            }
            out.append(whole.charAt(i));
        }
        return out + (point < 0 ? "" : digits.substring(point));
    }
}
