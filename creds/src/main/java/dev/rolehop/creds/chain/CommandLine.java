package dev.rolehop.creds.chain;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into arguments the way botocore does for {@code credential_process}
 * (Python's {@code shlex.split} in POSIX mode): whitespace separates, single quotes keep
 * everything literally, double quotes keep all but {@code \\"} and {@code \\\\}, a backslash
 * outside quotes escapes the next character. No shell runs, so no variables or globs expand.
 */
public final class CommandLine {

    private CommandLine() {}

    /**
     * The arguments of {@code line}.
     *
     * @throws IllegalArgumentException on an unclosed quote or a trailing backslash
     */
    public static List<String> split(String line) {
        List<String> args = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    args.add(current.toString());
                    current.setLength(0);
                    inWord = false;
                }
            } else if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("no closing quotation");
                }
                current.append(line, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i = doubleQuoted(line, i + 1, current);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("no escaped character");
                }
                current.append(line.charAt(++i));
                inWord = true;
            } else {
                current.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            args.add(current.toString());
        }
        return args;
    }

    private static int doubleQuoted(String line, int start, StringBuilder current) {
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == '"' || line.charAt(i + 1) == '\\')) {
                current.append(line.charAt(++i));
            } else {
                current.append(c);
            }
        }
        throw new IllegalArgumentException("no closing quotation");
    }
}
