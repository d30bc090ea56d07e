package dev.rolehop.engine.playbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses Ansible's {@code k=v} argument strings ({@code debug: msg="hi there" verbosity=1}) as
 * {@code parse_kv} does: quotes group words, {@code {{ }}} and {@code {% %}} are never split, and
 * words without {@code =} become {@code _raw_params}.
 */
public final class KeyValueArgs {

    /** The only keys a free-form module ({@code command}, {@code shell}) takes as k=v. */
    private static final Set<String> RAW_KEYS = Set.of(
            "creates",
            "removes",
            "chdir",
            "executable",
            "warn",
            "stdin",
            "stdin_add_newline",
            "strip_empty_ends",
            "argv",
            "cmd");

    private KeyValueArgs() {}

    /**
     * Parses the string.
     *
     * @param text     the argument string
     * @param freeForm whether the module is free-form, so only its known keys are taken as k=v
     */
    public static Map<String, Object> parse(String text, boolean freeForm) {
        Map<String, Object> args = new LinkedHashMap<>();
        List<String> raw = new ArrayList<>();
        for (String token : split(text)) {
            int eq = unquotedEquals(token);
            if (eq > 0) {
                String key = token.substring(0, eq);
                if (!freeForm || RAW_KEYS.contains(key)) {
                    args.put(key, unquote(token.substring(eq + 1)));
                    continue;
                }
            }
            raw.add(token);
        }
        if (!raw.isEmpty()) {
            args.put("_raw_params", String.join(" ", raw));
        }
        return args;
    }

    /** Splits on whitespace outside quotes and Jinja2 delimiters. */
    static List<String> split(String text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        int jinja = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && jinja == 0 && Character.isWhitespace(c)) {
                if (!current.isEmpty()) {
                    tokens.add(current.toString());
                    current.setLength(0);
                }
                continue;
            }
            current.append(c);
            if (quote != 0) {
                if (c == quote && text.charAt(i - 1) != '\\') {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && jinja == 0) {
                quote = c;
            } else if (c == '{' && i + 1 < text.length() && "{%#".indexOf(text.charAt(i + 1)) >= 0) {
                jinja++;
                current.append(text.charAt(++i));
            } else if ("}%#".indexOf(c) >= 0 && i + 1 < text.length() && text.charAt(i + 1) == '}' && jinja > 0) {
                jinja--;
                current.append(text.charAt(++i));
            }
        }
        if (!current.isEmpty()) {
            tokens.add(current.toString());
        }
        return tokens;
    }

    private static int unquotedEquals(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '"' || c == '\'' || c == '{' || Character.isWhitespace(c)) {
                return -1;
            }
            if (c == '=') {
                return i > 0 && token.charAt(i - 1) == '\\' ? -1 : i;
            }
        }
        return -1;
    }

    private static String unquote(String value) {
        if (value.length() >= 2
                && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1)
                    .replace("\\" + value.charAt(0), String.valueOf(value.charAt(0)));
        }
        return value;
    }
}
