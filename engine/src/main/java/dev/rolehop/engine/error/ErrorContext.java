package dev.rolehop.engine.error;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Renders the place of an error as Ansible's {@code AnsibleError._get_extended_error} does: the
 * position sentence, then the line before and the offending line with a caret under the column.
 */
public final class ErrorContext {

    private static final Pattern KEY_VALUE = Pattern.compile("\\w+(\\s+)?=(\\s+)?[\\w/-]+");

    private ErrorContext() {}

    /** The message, and when the position is known the block that locates it. */
    public static String describe(String message, Position position) {
        if (position == null || position.line() <= 0) {
            return message;
        }
        return message + "\n\n" + locate(position);
    }

    /**
     * Ansible's "The error appears to be in ..." block for a position, followed by the hints
     * {@code _get_extended_error} gives for common mistakes on the offending line (missing quotes
     * around a template, a tab, an extra colon, unbalanced quotes).
     */
    public static String locate(Position position) {
        String details = details(position.file(), position.line(), position.column());
        if (position.file().startsWith("<")) {
            return details;
        }
        List<String> lines;
        try {
            lines = linesWithEnds(Files.readString(Path.of(position.file()), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return details;
        }
        if (lines.isEmpty()) {
            return details;
        }
        int index = Math.min(position.line() - 1, lines.size() - 1);
        while (index > 0 && lines.get(index).isBlank()) {
            index--;
        }
        String target = lines.get(index);
        String previous = index > 0 ? lines.get(index - 1) : "";
        if (target.isEmpty()) {
            return details;
        }
        String located;
        if (KEY_VALUE.matcher(previous).find()) {
            // Ansible points at the '=' of a k=v line above, suspecting YAML/k=v mixing.
            int at = previous.stripTrailing().indexOf('=');
            located = details(position.file(), position.line() - 1, at + 1)
                    + "\nThe offending line appears to be:\n\n" + previous.stripTrailing() + "\n"
                    + " ".repeat(at) + "^ here\n\n" + SHORTHAND_HINT;
        } else {
            located = details + "\nThe offending line appears to be:\n\n" + previous.stripTrailing() + "\n"
                    + target.stripTrailing() + "\n" + " ".repeat(Math.max(0, position.column() - 1)) + "^ here\n";
        }
        return located + YamlHints.forLine(target, position.column());
    }

    /** The lines of a text as Python's {@code readlines()} gives them: each with its line end. */
    private static List<String> linesWithEnds(String text) {
        List<String> lines = new java.util.ArrayList<>();
        String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
        int start = 0;
        while (start < normalized.length()) {
            int end = normalized.indexOf('\n', start);
            end = end < 0 ? normalized.length() : end + 1;
            lines.add(normalized.substring(start, end));
            start = end;
        }
        return lines;
    }

    private static String details(String file, int line, int column) {
        return "The error appears to be in '" + file + "': line " + line + ", column " + column
                + ", but may\nbe elsewhere in the file depending on the exact syntax problem.\n";
    }

    private static final String SHORTHAND_HINT = """
            There appears to be both 'k=v' shorthand syntax and YAML in this task. \
            Only one syntax may be used.
            """;
}
