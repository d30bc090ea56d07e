package dev.rolehop.engine.yaml;

import dev.rolehop.engine.error.ParseError;
import dev.rolehop.engine.error.Position;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Checks the characters of a YAML text before it is parsed, as libyaml's reader (what
 * ansible-playbook uses) checks them, and words what it finds as ansible-playbook does; rolehop
 * adds the line and column, which Ansible's message lacks.
 */
final class YamlText {

    private YamlText() {}

    /** Decodes a file's bytes as UTF-8, failing at the line and column of the first bad byte. */
    static String decode(byte[] bytes, String source) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        if (!decoder.decode(in, out, true).isError() && !decoder.flush(out).isError()) {
            return out.flip().toString();
        }
        int bad = in.position();
        String before = new String(bytes, 0, bad, StandardCharsets.UTF_8);
        Position position = position(before, source);
        throw new ParseError(
                String.format(
                        "Could not read '%s': it is not UTF-8 text (byte #x%02x at line %d, column %d)",
                        source, bytes[bad] & 0xff, position.line(), position.column()),
                position);
    }

    /**
     * Fails on the first character libyaml's reader does not accept (C0 controls other than tab,
     * line feed and carriage return, DEL, C1 controls other than NEL, surrogates, U+FFFE and
     * U+FFFF), as Ansible reports it: a position in bytes of the UTF-8 text and no line; rolehop
     * adds Ansible's "The error appears to be in ..." block with the line and column.
     */
    static void checkPrintable(String text, String source) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!printable(c)) {
                String before = text.substring(0, i);
                Position position = position(before, source);
                int offset = before.getBytes(StandardCharsets.UTF_8).length;
                String message = YamlLoader.unreadable(text) + "Syntax Error while loading YAML.\n  . "
                        + String.format("unacceptable character #x%04x: control characters are not allowed\n", c)
                        + "  in \"<unicode string>\", position " + offset;
                throw new ParseError(message, source.startsWith("<") ? null : position);
            }
            i += Character.charCount(c);
        }
    }

    private static boolean printable(int c) {
        return c == 0x09
                || c == 0x0A
                || c == 0x0D
                || (c >= 0x20 && c <= 0x7E)
                || c == 0x85
                || (c >= 0xA0 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /** The 1-based line and column just after {@code before} (columns count characters). */
    private static Position position(String before, String source) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= before.length() || before.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(source, line, before.codePointCount(lineStart, before.length()) + 1);
    }
}
