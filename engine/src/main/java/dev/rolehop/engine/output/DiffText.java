package dev.rolehop.engine.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders a result's {@code diff} as Ansible's callback does: a unified diff (3 lines of context)
 * of {@code before} and {@code after}, with dicts serialized as indented JSON.
 */
public final class DiffText {

    private DiffText() {}

    public static String render(Map<?, ?> diff) {
        if (!diff.containsKey("before") || !diff.containsKey("after")) {
            return diff.get("prepared") == null ? "" : String.valueOf(diff.get("prepared"));
        }
        String before = text(diff.get("before"));
        String after = text(diff.get("after"));
        String beforeHeader = diff.get("before_header") == null ? "before" : "before: " + diff.get("before_header");
        String afterHeader = diff.get("after_header") == null ? "after" : "after: " + diff.get("after_header");
        List<String> a = lines(before);
        List<String> b = lines(after);
        List<String> out = UnifiedDiff.diff(a, b, beforeHeader, afterHeader, 3);
        if (out.isEmpty()) {
            return "";
        }
        return String.join("", out) + "\n";
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> map) {
            return PyJson.indentedAscii(map, 4) + "\n";
        }
        return String.valueOf(value);
    }

    /** Python's {@code splitlines(True)} plus Ansible's "No newline at end of file" marker. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start) + "\n\\ No newline at end of file\n");
        }
        return lines;
    }
}
