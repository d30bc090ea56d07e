package dev.rolehop.engine.module;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code stdout_lines} and {@code stderr_lines}, as Ansible's action base adds them to a module's
 * result: its output pre-split into lines, unless the module gave them itself.
 */
public final class OutputLines {

    private OutputLines() {}

    /** Adds {@code stdout_lines} and {@code stderr_lines} to a result that has the stream but not its lines. */
    public static void split(Map<String, Object> result) {
        for (String stream : List.of("stdout", "stderr")) {
            if (result.containsKey(stream) && !result.containsKey(stream + "_lines")) {
                Object text = result.get(stream);
                result.put(stream + "_lines", lines(text instanceof String s ? s : ""));
            }
        }
    }

    /** Python's {@code str.splitlines()} for the line ends commands print. */
    public static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        if (text.isEmpty()) {
            return lines;
        }
        for (String line : text.split("\r\n|\r|\n", -1)) {
            lines.add(line);
        }
        if (text.endsWith("\n") || text.endsWith("\r")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
