package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.ModuleFailure;
import java.util.ArrayList;
import java.util.List;

/** Splits a command line into words as Python's {@code shlex.split} (POSIX mode) does. */
final class Shlex {

    private Shlex() {}

    static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i++);
            if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '\'') {
                inWord = true;
                int end = text.indexOf('\'', i);
                if (end < 0) {
                    throw new ModuleFailure("No closing quotation");
                }
                word.append(text, i, end);
                i = end + 1;
            } else if (c == '"') {
                inWord = true;
                while (true) {
                    if (i >= text.length()) {
                        throw new ModuleFailure("No closing quotation");
                    }
                    char d = text.charAt(i++);
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\' && i < text.length() && "\\\"$`\n".indexOf(text.charAt(i)) >= 0) {
                        d = text.charAt(i++);
                    }
                    word.append(d);
                }
            } else if (c == '\\') {
                inWord = true;
                if (i < text.length()) {
                    word.append(text.charAt(i++));
                }
            } else {
                inWord = true;
                word.append(c);
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
