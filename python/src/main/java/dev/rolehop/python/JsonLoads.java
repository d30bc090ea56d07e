package dev.rolehop.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python's {@code json.loads}, with its error messages ({@code Expecting value: line 1 column 1
 * (char 0)}). Objects become insertion-ordered maps (a repeated key keeps its first place and
 * last value, as in Python), integers {@link Long}s ({@link BigInteger}s when larger), reals
 * {@link Double}s; {@code NaN}, {@code Infinity} and {@code -Infinity} are accepted.
 */
final class JsonLoads {

    private static final Pattern NUMBER = Pattern.compile("(-?(?:0|[1-9]\\d*))(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final String doc;
    private int pos;

    private JsonLoads(String doc) {
        this.doc = doc;
    }

    static Object loads(String text) {
        JsonLoads loader = new JsonLoads(text);
        if (text.startsWith("\ufeff")) {
            throw loader.error("Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
        }
        loader.skipSpace();
        Object value = loader.value();
        loader.skipSpace();
        if (loader.pos != text.length()) {
            throw loader.error("Extra data", loader.pos);
        }
        return value;
    }

    private Object value() {
        if (pos >= doc.length()) {
            throw error("Expecting value", pos);
        }
        char c = doc.charAt(pos);
        switch (c) {
            case '"' -> {
                pos++;
                return string();
            }
            case '{' -> {
                pos++;
                return object();
            }
            case '[' -> {
                pos++;
                return array();
            }
            default -> {
                // the order of Python's scanner: keywords, then numbers, then NaN and the infinities
            }
        }
        if (literal("null")) {
            return null;
        }
        if (literal("true")) {
            return Boolean.TRUE;
        }
        if (literal("false")) {
            return Boolean.FALSE;
        }
        Matcher number = NUMBER.matcher(doc).region(pos, doc.length());
        if (number.lookingAt()) {
            pos = number.end();
            if (number.group(2) == null && number.group(3) == null) {
                BigInteger integer = new BigInteger(number.group(1));
                return integer.compareTo(LONG_MIN) >= 0 && integer.compareTo(LONG_MAX) <= 0
                        ? (Object) integer.longValue()
                        : integer;
            }
            return Double.parseDouble(number.group());
        }
        if (literal("NaN")) {
            return Double.NaN;
        }
        if (literal("Infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        if (literal("-Infinity")) {
            return Double.NEGATIVE_INFINITY;
        }
        throw error("Expecting value", pos);
    }

    private boolean literal(String word) {
        if (doc.startsWith(word, pos)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private Map<String, Object> object() {
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            if (peek() != '"') {
                throw error("Expecting property name enclosed in double quotes", pos);
            }
            pos++;
            String key = string();
            skipSpace();
            if (peek() != ':') {
                throw error("Expecting ':' delimiter", pos);
            }
            pos++;
            skipSpace();
            map.put(key, value());
            skipSpace();
            char c = peek();
            if (c == '}') {
                pos++;
                return map;
            }
            if (c != ',') {
                throw error("Expecting ',' delimiter", pos);
            }
            pos++;
            skipSpace();
        }
    }

    private List<Object> array() {
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value());
            skipSpace();
            char c = peek();
            if (c == ']') {
                pos++;
                return list;
            }
            if (c != ',') {
                throw error("Expecting ',' delimiter", pos);
            }
            pos++;
            skipSpace();
        }
    }

    private String string() {
        int start = pos - 1;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= doc.length()) {
                throw error("Unterminated string starting at", start);
            }
            char c = doc.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("Invalid control character at", pos - 1);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= doc.length()) {
                throw error("Unterminated string starting at", start);
            }
            char e = doc.charAt(pos++);
            switch (e) {
                case '"', '\\', '/' -> out.append(e);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    String hex = pos + 4 <= doc.length() ? doc.substring(pos, pos + 4) : "";
                    if (!hex.matches("[0-9a-fA-F]{4}")) {
                        throw error("Invalid \\uXXXX escape", pos - 1);
                    }
                    out.append((char) Integer.parseInt(hex, 16));
                    pos += 4;
                }
                default -> throw error("Invalid \\escape", pos - 2);
            }
        }
    }

    private char peek() {
        return pos < doc.length() ? doc.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < doc.length() && " \t\n\r".indexOf(doc.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private JsonDecodeError error(String message, int at) {
        return new JsonDecodeError(message, doc, at);
    }
}
