package dev.rolehop.local.state;

import java.util.List;
import java.util.Map;

/**
 * Writes maps, lists, strings, numbers, booleans and nulls as JSON text. The state file is
 * written as JSON (which YAML readers, SnakeYAML included, read as YAML): a plain
 * StringBuilder pass is many times faster than a YAML dumper, and every change rewrites the file.
 */
public final class JsonText {

    private JsonText() {}

    static String write(Object value) {
        StringBuilder out = new StringBuilder(4096);
        write(value, out, 0);
        return out.append('\n').toString();
    }

    /** The value as JSON on one line (no line breaks at all), for a journal record. */
    public static String line(Object value) {
        StringBuilder out = new StringBuilder(256);
        // Deeper than any level that gets its own line.
        write(value, out, 100);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.append(first ? "" : ",");
                newline(out, depth + 1);
                string(String.valueOf(e.getKey()), out);
                out.append(": ");
                write(e.getValue(), out, depth + 1);
                first = false;
            }
            if (!map.isEmpty()) {
                newline(out, depth);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ",");
                newline(out, depth + 1);
                write(list.get(i), out, depth + 1);
            }
            if (!list.isEmpty()) {
                newline(out, depth);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException(
                    "cannot write a " + value.getClass().getSimpleName() + " as JSON");
        }
    }

    private static void newline(StringBuilder out, int depth) {
        // Only the top two levels get their own lines: readable, yet small.
        if (depth <= 2) {
            out.append('\n').append("  ".repeat(depth));
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        // YAML 1.1 readers treat non-ASCII and control characters in JSON best escaped.
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
