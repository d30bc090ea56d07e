package dev.rolehop.engine.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps text as Python's {@code textwrap.wrap(text, width)} does for the messages Ansible wraps
 * (warnings, deprecations): whitespace-separated words, long words broken, hyphenated words
 * breakable after the hyphen.
 */
public final class TextWrap {

    private TextWrap() {}

    public static List<String> wrap(String text, int width) {
        return wrap(text, width, true);
    }

    /** As {@code textwrap.wrap(text, width, drop_whitespace=False)}: spaces at line ends and starts stay. */
    public static List<String> wrapKeepingWhitespace(String text, int width) {
        return wrap(text, width, false);
    }

    private static List<String> wrap(String text, int width, boolean dropWhitespace) {
        List<String> chunks = chunks(text.replace('\n', ' ').replace('\t', ' '));
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        int i = 0;
        while (i < chunks.size()) {
            String chunk = chunks.get(i);
            // Like Python's drop_whitespace: leading whitespace is dropped on every line but the first.
            if (dropWhitespace && line.isEmpty() && chunk.isBlank() && !lines.isEmpty()) {
                i++;
                continue;
            }
            if (line.length() + chunk.length() <= width) {
                line.append(chunk);
                i++;
                continue;
            }
            if (chunk.length() > width && (!chunk.isBlank() || (!dropWhitespace && line.isEmpty()))) {
                int room = Math.max(1, width - line.length());
                line.append(chunk, 0, room);
                chunks.set(i, chunk.substring(room));
            }
            lines.add(dropWhitespace ? line.toString().stripTrailing() : line.toString());
            line.setLength(0);
        }
        if (!line.toString().isBlank() || (!dropWhitespace && !line.isEmpty())) {
            lines.add(dropWhitespace ? line.toString().stripTrailing() : line.toString());
        }
        return lines;
    }

    /** Words, runs of spaces, and the parts of hyphenated words, in order. */
    private static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            if (text.charAt(i) == ' ') {
                while (i < text.length() && text.charAt(i) == ' ') {
                    i++;
                }
            } else {
                while (i < text.length() && text.charAt(i) != ' ') {
                    char c = text.charAt(i);
                    i++;
                    if (c == '-'
                            && i - start > 1
                            && Character.isLetterOrDigit(text.charAt(i - 2))
                            && i < text.length()
                            && Character.isLetter(text.charAt(i))) {
                        break;
                    }
                }
            }
            chunks.add(text.substring(start, i));
        }
        return chunks;
    }
}
