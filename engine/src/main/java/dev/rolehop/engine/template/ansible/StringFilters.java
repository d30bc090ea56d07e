package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Jinja2's and Ansible's text filters with Python's string semantics: {@code upper},
 * {@code lower}, {@code capitalize}, {@code title}, {@code replace}, {@code trim}, {@code split}
 * and {@code quote}.
 */
final class StringFilters {
    private static final Pattern WORD_BEGINNING = Pattern.compile("([-\\s({\\[<]+)");
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private StringFilters() {}

    static List<PluginFilter> all() {
        return List.of(
                new PluginFilter(
                        "upper",
                        (value, args, interpreter) -> PythonRepr.str(value).toUpperCase(Locale.ROOT)),
                new PluginFilter(
                        "lower",
                        (value, args, interpreter) -> PythonRepr.str(value).toLowerCase(Locale.ROOT)),
                new PluginFilter("capitalize", (value, args, interpreter) -> capitalize(PythonRepr.str(value))),
                new PluginFilter("title", (value, args, interpreter) -> title(PythonRepr.str(value))),
                new PluginFilter("replace", StringFilters::replace),
                new PluginFilter("trim", StringFilters::trim),
                new PluginFilter("split", StringFilters::split),
                new PluginFilter("quote", (value, args, interpreter) -> quote(value)));
    }

    /** Python's {@code str.capitalize}: first character upper, the rest lower. */
    static String capitalize(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.offsetByCodePoints(0, 1);
        return text.substring(0, first).toUpperCase(Locale.ROOT)
                + text.substring(first).toLowerCase(Locale.ROOT);
    }

    /** Jinja2's {@code title}: each word (after a dash, space or bracket) capitalized. */
    private static String title(String text) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher separators = WORD_BEGINNING.matcher(text);
        int last = 0;
        while (separators.find()) {
            out.append(capitalize(text.substring(last, separators.start()))).append(separators.group());
            last = separators.end();
        }
        return out.append(capitalize(text.substring(last))).toString();
    }

    /** Jinja2's {@code replace(old, new, count=None)}. */
    private static Object replace(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("old", "new", "count");
        String text = PythonRepr.str(value);
        String old = args.text(0, "old", "");
        String replacement = args.text(1, "new", "");
        Object countArg = args.get(2, "count", null);
        int count = countArg == null ? -1 : ((Number) countArg).intValue();
        return PythonStrMethods.replace(text, old, replacement, count);
    }

    /** Jinja2's {@code trim(chars=None)}: Python's str.strip. */
    private static Object trim(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("chars");
        String text = PythonRepr.str(value);
        Object chars = args.get(0, "chars", null);
        return PythonStrMethods.strip(text, chars == null ? null : PythonRepr.str(chars), true, true);
    }

    /** Ansible's {@code split(sep=None, maxsplit=-1)}: Python's str.split. */
    private static Object split(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("sep", "maxsplit");
        String text = PythonRepr.str(value);
        Object sep = args.get(0, "sep", null);
        int maxsplit = ((Number) args.get(1, "maxsplit", -1L)).intValue();
        return PythonStrMethods.split(text, sep == null ? null : PythonRepr.str(sep), maxsplit);
    }

    /** Ansible's {@code quote}: Python's shlex.quote; None quotes as the empty string. */
    static String quote(Object value) {
        String text = value == null ? "" : PythonRepr.str(value);
        if (text.isEmpty()) {
            return "''";
        }
        if (SHELL_SAFE.matcher(text).matches()) {
            return text;
        }
        return "'" + text.replace("'", "'\"'\"'") + "'";
    }
}
