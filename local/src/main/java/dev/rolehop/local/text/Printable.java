package dev.rolehop.local.text;

/**
 * Makes text that came from a request or a file safe to print on one line: control characters
 * (and, for a log field, spaces and non-ASCII) become {@code \n}, {@code \xNN} or backslash-u escapes
 * escapes, and a backslash becomes {@code \\}, so printed text cannot forge lines or fields.
 */
public final class Printable {

    private Printable() {}

    /**
     * One field of a log line: everything outside printable ASCII, spaces and backslashes
     * escaped, so the field is one token; an empty text is {@code ""}.
     */
    public static String field(String text) {
        if (text == null) {
            return "-";
        }
        if (text.isEmpty()) {
            return "\"\"";
        }
        return escape(text, true);
    }

    /** Text for a message on one line: control characters and backslashes escaped, the rest kept. */
    public static String line(String text) {
        return text == null ? "null" : escape(text, false);
    }

    /** Whether a character is a control character (C0, DEL or C1) other than tab, line feed and return. */
    public static boolean isForbiddenControl(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f);
    }

    private static String escape(String text, boolean field) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> {
                    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (Character.isSurrogate(c) && !paired(text, i))) {
                        yield c <= 0xff ? String.format("\\x%02x", (int) c) : String.format("\\u%04x", (int) c);
                    }
                    if (field && (c == ' ' || c > 0x7e)) {
                        yield c == ' ' ? "\\x20" : String.format("\\u%04x", (int) c);
                    }
                    // Line and paragraph separators end lines in some viewers.
                    if (c == '\u2028' || c == '\u2029') {
                        yield String.format("\\u%04x", (int) c);
                    }
                    yield null;
                }
            };
            if (replacement != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (replacement != null) {
                    out.append(replacement);
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean paired(String text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }
}
