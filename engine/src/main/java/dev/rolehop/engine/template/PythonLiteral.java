package dev.rolehop.engine.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the subset of Python literals that Ansible's {@code ast.literal_eval} step turns back
 * into data: strings, numbers, {@code True}/{@code False}/{@code None}, lists, tuples and dicts.
 */
public final class PythonLiteral {

    private final String text;
    private int pos;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /** Whether parsing succeeded, for values that may be None. */
    public static boolean isLiteral(String text) {
        PythonLiteral parser = new PythonLiteral(text);
        try {
            parser.value();
            parser.skipSpace();
            return parser.pos == text.length();
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    /** The value of a literal known to be valid (see {@link #isLiteral}); may be {@code null}. */
    public static Object valueOf(String text) {
        PythonLiteral parser = new PythonLiteral(text);
        return parser.value();
    }

    private Object value() {
        skipSpace();
        char c = text.charAt(pos);
        if (c == '[') {
            return sequence(']');
        }
        if (c == '(') {
            return sequence(')');
        }
        if (c == '{') {
            return dict();
        }
        if (c == '\'' || c == '"') {
            StringBuilder joined = new StringBuilder(string());
            skipSpace();
            // Adjacent string literals concatenate, as in Python.
            while (pos < text.length() && (text.charAt(pos) == '\'' || text.charAt(pos) == '"')) {
                joined.append(string());
                skipSpace();
            }
            return joined.toString();
        }
        if (text.startsWith("True", pos) && !identifierAt(pos + 4)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("False", pos) && !identifierAt(pos + 5)) {
            pos += 5;
            return Boolean.FALSE;
        }
        if (text.startsWith("None", pos) && !identifierAt(pos + 4)) {
            pos += 4;
            return null;
        }
        return number();
    }

    private boolean identifierAt(int index) {
        return index < text.length() && (Character.isLetterOrDigit(text.charAt(index)) || text.charAt(index) == '_');
    }

    private List<Object> sequence(char close) {
        pos++;
        List<Object> items = new ArrayList<>();
        skipSpace();
        while (text.charAt(pos) != close) {
            items.add(value());
            skipSpace();
            if (text.charAt(pos) == ',') {
                pos++;
                skipSpace();
            } else if (text.charAt(pos) != close) {
                throw new IllegalArgumentException("expected , or " + close);
            }
        }
        pos++;
        return items;
    }

    private Map<Object, Object> dict() {
        pos++;
        Map<Object, Object> map = new LinkedHashMap<>();
        skipSpace();
        while (text.charAt(pos) != '}') {
            Object key = value();
            skipSpace();
            expect(':');
            Object value = value();
            map.put(key, value);
            skipSpace();
            if (text.charAt(pos) == ',') {
                pos++;
                skipSpace();
            } else if (text.charAt(pos) != '}') {
                throw new IllegalArgumentException("expected , or }");
            }
        }
        pos++;
        return map;
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c == '\n') {
                throw new IllegalArgumentException("newline in string");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0' -> out.append('\0');
                case 'x' -> {
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 2), 16));
                    pos += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                case '\\', '\'', '"' -> out.append(e);
                default -> out.append('\\').append(e);
            }
        }
    }

    private Object number() {
        int start = pos;
        if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
            pos++;
            skipSpace();
        }
        int digits = pos;
        while (pos < text.length() && "0123456789._eE".indexOf(text.charAt(pos)) >= 0
                || pos > digits
                        && pos < text.length()
                        && (text.charAt(pos) == '-' || text.charAt(pos) == '+')
                        && (text.charAt(pos - 1) == 'e' || text.charAt(pos - 1) == 'E')) {
            pos++;
        }
        if (pos == digits) {
            throw new IllegalArgumentException("not a literal");
        }
        String number = (text.substring(start, digits).trim() + text.substring(digits, pos)).replace("_", "");
        if (number.matches("[-+]?\\d+")) {
            if (number.length() > 1
                    && number.replaceFirst("^[-+]", "").startsWith("0")
                    && !number.replaceFirst("^[-+]", "").matches("0+")) {
                throw new IllegalArgumentException("leading zero");
            }
            return Long.parseLong(number.startsWith("+") ? number.substring(1) : number);
        }
        return Double.parseDouble(number);
    }

    private void expect(char c) {
        if (text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected " + c);
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
