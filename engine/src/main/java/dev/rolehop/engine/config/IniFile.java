package dev.rolehop.engine.config;

import dev.rolehop.engine.error.AnsibleError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an ansible.cfg as Python's {@code configparser.ConfigParser(inline_comment_prefixes=(';',))}
 * reads it for Ansible: {@code [section]} headers; {@code key = value} or {@code key: value} with
 * keys lower-cased and both sides stripped; whole-line comments starting with {@code #} or
 * {@code ;}; a {@code ;} after whitespace starts an inline comment; an indented line continues the
 * previous value; {@code %%} stands for {@code %}. A key outside any section is an error, as there.
 */
final class IniFile {

    private IniFile() {}

    /** The sections of the text, each a map of its keys, in file order. */
    static Map<String, Map<String, String>> parse(String text, String file) {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        Map<String, String> section = null;
        String lastKey = null;
        List<String> lines = text.lines().toList();
        for (int index = 0; index < lines.size(); index++) {
            String raw = lines.get(index);
            String line = withoutInlineComment(raw);
            String stripped = line.strip();
            if (stripped.isEmpty() || raw.strip().startsWith("#") || raw.strip().startsWith(";")) {
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0)) && section != null && lastKey != null) {
                section.merge(lastKey, stripped, (a, b) -> a.isEmpty() ? b : a + "\n" + b);
                continue;
            }
            if (stripped.startsWith("[") && stripped.endsWith("]")) {
                section = sections.computeIfAbsent(
                        stripped.substring(1, stripped.length() - 1), s -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            if (section == null) {
                throw new AnsibleError("Error reading config file (" + file + "): File contains no section headers.\n"
                        + "file: '" + file + "', line: " + (index + 1) + "\n'" + raw + "\\n'");
            }
            int equals = stripped.indexOf('=');
            int colon = stripped.indexOf(':');
            int at = equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
            if (at < 0) {
                // configparser (allow_no_value off) rejects a line that is not a key and a value.
                throw new AnsibleError("Error reading config file (" + file + "): Source contains parsing errors: '"
                        + file + "'\n\t[line " + (index + 1) + "]: '" + raw + "\\n'");
            }
            lastKey = stripped.substring(0, at).strip().toLowerCase(Locale.ROOT);
            section.put(lastKey, stripped.substring(at + 1).strip().replace("%%", "%"));
        }
        return sections;
    }

    private static String withoutInlineComment(String line) {
        for (int i = 1; i < line.length(); i++) {
            if (line.charAt(i) == ';' && Character.isWhitespace(line.charAt(i - 1))) {
                return line.substring(0, i);
            }
        }
        return line;
    }
}
