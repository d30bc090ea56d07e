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

    /** Ansible's {@code _get_diff}: one diff dict, or a list of them (lineinfile's content and attributes). */
    public static String render(Object diffs) {
        StringBuilder out = new StringBuilder();
        for (Object each : diffs instanceof List<?> list ? list : List.of(diffs)) {
            if (each instanceof Map<?, ?> diff) {
                out.append(renderOne(diff));
            }
        }
        return out.toString();
    }

    private static String renderOne(Map<?, ?> diff) {
        StringBuilder out = new StringBuilder();
        if (diff.containsKey("dst_binary")) {
            out.append("diff skipped: destination file appears to be binary\n");
        }
        if (diff.containsKey("src_binary")) {
            out.append("diff skipped: source file appears to be binary\n");
        }
        if (diff.containsKey("dst_larger")) {
            out.append("diff skipped: destination file size is greater than ")
                    .append(diff.get("dst_larger"))
                    .append("\n");
        }
        if (diff.containsKey("src_larger")) {
            out.append("diff skipped: source file size is greater than ")
                    .append(diff.get("src_larger"))
                    .append("\n");
        }
        if (diff.containsKey("before") && diff.containsKey("after")) {
            String before = text(diff.get("before"));
            String after = text(diff.get("after"));
            String beforeHeader = diff.get("before_header") == null ? "before" : "before: " + diff.get("before_header");
            String afterHeader = diff.get("after_header") == null ? "after" : "after: " + diff.get("after_header");
            List<String> lines = UnifiedDiff.diff(lines(before), lines(after), beforeHeader, afterHeader, 3);
            if (!lines.isEmpty()) {
                out.append(String.join("", lines)).append("\n");
            }
        }
        if (diff.get("prepared") != null) {
            out.append(diff.get("prepared"));
        }
        return out.toString();
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
