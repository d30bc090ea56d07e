package dev.rolehop.creds.cache;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonNodeParser;

/**
 * JSON text exactly as Python's {@code json.dumps} writes it (separators {@code ", "} and
 * {@code ": "}, non-ASCII escaped as {@code \\uXXXX}), because the AWS CLI's cache file names are
 * SHA-1 hashes of such text and its cache files are written that way; and JSON reading into
 * plain maps and lists (parsing by the SDK's own JSON parser).
 *
 * <p>Values are {@link String}, {@link Number}, {@link Boolean}, {@code null}, {@link Map} with
 * string keys, and {@link Collection}.
 */
public final class PythonJson {

    private PythonJson() {
    }

    /** {@code json.dumps(value)}: keys in map order. */
    public static String dumps(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, false, -1, 0);
        return out.toString();
    }

    /** {@code json.dumps(value, sort_keys=True)}. */
    public static String dumpsSorted(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, true, -1, 0);
        return out.toString();
    }

    /** {@code json.dumps(value, indent=2)}: for output people read. */
    public static String pretty(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, false, 2, 0);
        return out.toString();
    }

    /**
     * Parses JSON text into maps (in document order), lists, strings, {@link BigDecimal}s,
     * booleans and nulls.
     *
     * @throws IllegalArgumentException when the text is not JSON
     */
    public static Object parse(String text) {
        try {
            return convert(JsonNodeParser.create().parse(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not valid JSON", e);
        }
    }

    private static Object convert(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.asObject().forEach((key, value) -> map.put(key, convert(value)));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.asArray().forEach(element -> list.add(convert(element)));
            return list;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isNumber()) {
            return new BigDecimal(node.asNumber());
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return null;
    }

    private static void write(StringBuilder out, Object value, boolean sortKeys, int indent, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Number n) {
            out.append(n instanceof BigDecimal d ? d.toPlainString() : n.toString());
        } else if (value instanceof Map<?, ?> map) {
            object(out, sortKeys ? new TreeMap<>(map) : map, sortKeys, indent, depth);
        } else if (value instanceof Collection<?> list) {
            array(out, list, sortKeys, indent, depth);
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void object(StringBuilder out, Map<?, ?> map, boolean sortKeys, int indent, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            separator(out, first, indent, depth + 1);
            first = false;
            string(out, (String) entry.getKey());
            out.append(": ");
            write(out, entry.getValue(), sortKeys, indent, depth + 1);
        }
        close(out, indent, depth);
        out.append('}');
    }

    private static void array(StringBuilder out, Collection<?> list, boolean sortKeys, int indent, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        boolean first = true;
        for (Object element : list) {
            separator(out, first, indent, depth + 1);
            first = false;
            write(out, element, sortKeys, indent, depth + 1);
        }
        close(out, indent, depth);
        out.append(']');
    }

    private static void separator(StringBuilder out, boolean first, int indent, int depth) {
        if (indent < 0) {
            if (!first) {
                out.append(", ");
            }
            return;
        }
        if (!first) {
            out.append(',');
        }
        out.append('\n').append(" ".repeat(indent * depth));
    }

    private static void close(StringBuilder out, int indent, int depth) {
        if (indent >= 0) {
            out.append('\n').append(" ".repeat(indent * depth));
        }
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
