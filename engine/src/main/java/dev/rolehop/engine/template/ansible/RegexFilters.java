package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's regular-expression filters with Python {@code re} semantics: {@code regex_replace},
 * {@code regex_search}, {@code regex_findall} and {@code regex_escape}.
 */
final class RegexFilters {
    private static final Pattern PYTHON_SPECIAL = Pattern.compile("[()\\[\\]{}?*+\\-|^$\\\\.&~# \\t\\n\\r\\u000b\\f]");

    private RegexFilters() {}

    static List<PluginFilter> all() {
        return List.of(
                new PluginFilter("regex_replace", RegexFilters::replace),
                new PluginFilter("regex_search", RegexFilters::search),
                new PluginFilter("regex_findall", RegexFilters::findall),
                new PluginFilter("regex_escape", RegexFilters::escape));
    }

    /** {@code regex_replace(pattern='', replacement='', ignorecase=False, multiline=False)}. */
    private static Object replace(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("pattern", "replacement", "ignorecase", "multiline");
        PythonRegex regex = PythonRegex.compile(
                args.text(0, "pattern", ""), args.flag(2, "ignorecase", false), args.flag(3, "multiline", false));
        String replacement = args.text(1, "replacement", "");
        String text = PythonRepr.str(value);
        Matcher match = regex.pattern().matcher(text);
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (match.find()) {
            out.append(text, last, match.start()).append(regex.expand(replacement, match));
            last = match.end();
        }
        return out.append(text.substring(last)).toString();
    }

    /**
     * {@code regex_search(regex, *groups, ignorecase=False, multiline=False)}: the match, the
     * listed groups ({@code '\\1'}, {@code '\\g<name>'}) as a list, or None without a match.
     */
    private static Object search(Object value, Arguments args, JinjavaInterpreter interpreter) {
        List<Object> positional = args.positional();
        String pattern = positional.isEmpty() ? "" : PythonRepr.str(positional.get(0));
        List<String> groups = new ArrayList<>();
        for (Object arg : positional.subList(Math.min(1, positional.size()), positional.size())) {
            String group = PythonRepr.str(arg);
            if (group.startsWith("\\g")) {
                groups.add(group.replaceAll("^\\\\g<(\\S+)>.*", "$1"));
            } else if (group.matches("\\\\\\d+.*")) {
                groups.add(group.replaceAll("^\\\\(\\d+).*", "$1"));
            } else {
                throw new AnsibleFilterError("Unknown argument");
            }
        }
        PythonRegex regex = PythonRegex.compile(
                pattern,
                PythonValues.truthy(args.keywords().get("ignorecase")),
                PythonValues.truthy(args.keywords().get("multiline")));
        Matcher match = regex.pattern().matcher(PythonRepr.str(value));
        if (!match.find()) {
            return null;
        }
        if (groups.isEmpty()) {
            return match.group();
        }
        List<Object> items = new ArrayList<>();
        for (String group : groups) {
            items.add(
                    group.chars().allMatch(Character::isDigit)
                            ? match.group(Integer.parseInt(group))
                            : match.group(regex.group(group)));
        }
        return items;
    }

    /** {@code regex_findall(regex, multiline=False, ignorecase=False)}: Python's re.findall. */
    private static Object findall(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("regex", "multiline", "ignorecase");
        PythonRegex regex = PythonRegex.compile(
                args.text(0, "regex", ""), args.flag(2, "ignorecase", false), args.flag(1, "multiline", false));
        Matcher match = regex.pattern().matcher(PythonRepr.str(value));
        List<Object> found = new ArrayList<>();
        while (match.find()) {
            found.add(PythonRegex.findallItem(match));
        }
        return found;
    }

    /** {@code regex_escape(re_type='python')}: Python's re.escape, or POSIX basic escaping. */
    private static Object escape(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("re_type");
        String type = args.text(0, "re_type", "python");
        String text = PythonRepr.str(value);
        return switch (type) {
            case "python" -> PYTHON_SPECIAL.matcher(text).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
            case "posix_basic" -> text.replaceAll("([\\].\\[^$*\\\\])", "\\\\$1");
            case "posix_extended" -> throw new AnsibleFilterError("Regex type (" + type + ") not yet implemented");
            default -> throw new AnsibleFilterError("Invalid regex type (" + type + ")");
        };
    }
}
