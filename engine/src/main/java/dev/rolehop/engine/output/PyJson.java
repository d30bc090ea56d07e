package dev.rolehop.engine.output;

import dev.rolehop.engine.template.PythonText;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Serializes results as Python's {@code json.dumps(value, sort_keys=True, ensure_ascii=False)}
 * does, with or without {@code indent=4}, so output matches ansible-playbook byte for byte.
 */
public final class PyJson {

    private PyJson() {
    }

    /** One line, separators {@code ", "} and {@code ": "}. */
    public static String compact(Object value) {
        StringBuilder out = new StringBuilder();
        write(out, value, -1, 0);
        return out.toString();
    }

    /** Indented by {@code indent} spaces per level, separators {@code ","} and {@code ": "}. */
    public static String indented(Object value, int indent) {
        StringBuilder out = new StringBuilder();
        write(out, value, indent, 0);
        return out.toString();
    }

    /**
     * As {@link #indented}, with Python's default {@code ensure_ascii=True}: every character
     * outside ASCII written as a backslash-u escape of its UTF-16 units, as Python does.
     */
    public static String indentedAscii(Object value, int indent) {
        String text = indented(value, indent);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out.append(c);
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, int indent, int level) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            out.append(Double.isNaN(d) ? "NaN" : Double.isInfinite(d) ? (d > 0 ? "Infinity" : "-Infinity")
                    : PythonText.floatText(d));
        } else if (value instanceof Number n) {
            out.append(n);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(out, map, indent, level);
        } else if (value instanceof Collection<?> list) {
            writeList(out, new ArrayList<>(list), indent, level);
        } else if (value instanceof Object[] array) {
            writeList(out, List.of(array), indent, level);
        } else {
            string(out, value.toString());
        }
    }

    private static void writeMap(StringBuilder out, Map<?, ?> map, int indent, int level) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        TreeMap<String, Object> sorted = new TreeMap<>();
        map.forEach((k, v) -> sorted.put(key(k), v));
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> entry : sorted.entrySet()) {
            if (!first) {
                out.append(indent < 0 ? ", " : ",");
            }
            first = false;
            newline(out, indent, level + 1);
            string(out, entry.getKey());
            out.append(": ");
            write(out, entry.getValue(), indent, level + 1);
        }
        newline(out, indent, level);
        out.append('}');
    }

    private static void writeList(StringBuilder out, List<?> list, int indent, int level) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(indent < 0 ? ", " : ",");
            }
            newline(out, indent, level + 1);
            write(out, list.get(i), indent, level + 1);
        }
        newline(out, indent, level);
        out.append(']');
    }

    private static String key(Object key) {
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        return key.toString();
    }

    private static void newline(StringBuilder out, int indent, int level) {
        if (indent >= 0) {
            out.append('\n').append(" ".repeat(indent * level));
        }
    }

    static void string(StringBuilder out, String s) {
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
                    if (c < 0x20) {
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
