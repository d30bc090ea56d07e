package dev.rolehop.engine.template.jinja;

/** Python's escape sequences in string literals, as Jinja2 reads them ({@code unicode-escape}). */
final class PythonEscapes {

    private PythonEscapes() {}

    /**
     * Decodes the escapes of a literal's text: {@code \n \t \r \a \b \f \v \0-\377 \xhh \\uhhhh
     * \Uhhhhhhhh}, an escaped backslash, quote or newline; any other backslash stays as it is.
     */
    static String decode(String raw) {
        if (raw.indexOf('\\') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c != '\\' || i + 1 >= raw.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = raw.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\\', '\'', '"' -> out.append(e);
                case '\n' -> {}
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\u000b');
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + digits <= raw.length()
                            && raw.substring(i, i + digits).matches("[0-9a-fA-F]+")) {
                        out.appendCodePoint(Integer.parseInt(raw.substring(i, i + digits), 16));
                        i += digits;
                    } else {
                        out.append('\\').append(e);
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i - 1;
                        while (end < raw.length() && end < i + 2 && raw.charAt(end) >= '0' && raw.charAt(end) <= '7') {
                            end++;
                        }
                        out.appendCodePoint(Integer.parseInt(raw.substring(i - 1, end), 8));
                        i = end;
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }
}
