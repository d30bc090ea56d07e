package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Jinja2 3.1 filters whose Jinjava versions differ in result: {@code dictsort}, {@code batch},
 * {@code groupby}, {@code truncate}, {@code urlencode}, {@code tojson}, {@code indent}, and
 * {@code items}, which Jinjava lacks.
 */
final class JinjaFilters {
    private JinjaFilters() {}

    static List<PluginFilter> all() {
        return List.of(
                new PluginFilter("dictsort", JinjaFilters::dictsort),
                new PluginFilter("batch", JinjaFilters::batch),
                new PluginFilter("groupby", JinjaFilters::groupby),
                new PluginFilter("truncate", JinjaFilters::truncate),
                new PluginFilter("urlencode", (value, args, interpreter) -> urlencode(value)),
                new PluginFilter("tojson", JinjaFilters::tojson),
                new PluginFilter("indent", JinjaFilters::indent),
                new PluginFilter("items", (value, args, interpreter) -> items(value)));
    }

    /** {@code dictsort(case_sensitive=False, by='key', reverse=False)}: (key, value) tuples. */
    private static Object dictsort(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("case_sensitive", "by", "reverse");
        boolean caseSensitive = args.flag(0, "case_sensitive", false);
        String by = args.text(1, "by", "key");
        if (!by.equals("key") && !by.equals("value")) {
            throw new AnsibleFilterError("You can only sort by either \"key\" or \"value\"", "FilterArgumentError");
        }
        int position = by.equals("key") ? 0 : 1;
        if (!(value instanceof Map<?, ?> map)) {
            throw AnsibleFilterError.typeError(
                    "'" + PythonValues.typeName(value) + "' object has no attribute 'items'");
        }
        List<Object> items = new ArrayList<>();
        map.forEach((k, v) -> items.add(PythonTuple.of(k, v)));
        Comparator<Object> order = (a, b) -> PythonValues.compare(
                folded(((List<?>) a).get(position), caseSensitive), folded(((List<?>) b).get(position), caseSensitive));
        items.sort(args.flag(2, "reverse", false) ? order.reversed() : order);
        return items;
    }

    private static Object folded(Object value, boolean caseSensitive) {
        return !caseSensitive && value instanceof CharSequence text
                ? text.toString().toLowerCase(Locale.ROOT)
                : value;
    }

    /** {@code batch(linecount, fill_with=None)}: lists of linecount items, the last filled only if asked. */
    private static Object batch(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("linecount", "fill_with");
        int size = ((Number) args.get(0, "linecount", 1L)).intValue();
        Object fill = args.get(1, "fill_with", null);
        List<Object> batches = new ArrayList<>();
        List<Object> current = new ArrayList<>();
        for (Object item : PythonValues.iterable(value)) {
            if (current.size() == size) {
                batches.add(current);
                current = new ArrayList<>();
            }
            current.add(item);
        }
        if (!current.isEmpty()) {
            while (fill != null && current.size() < size) {
                current.add(fill);
            }
            batches.add(current);
        }
        return batches;
    }

    /** {@code groupby(attribute, default=None, case_sensitive=False)}: sorted (grouper, list) tuples. */
    private static Object groupby(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("attribute", "default", "case_sensitive");
        Object attribute = args.get(0, "attribute", null);
        Object fallback = args.get(1, "default", null);
        boolean caseSensitive = args.flag(2, "case_sensitive", false);
        List<Object> items = new ArrayList<>(PythonValues.iterable(value));
        java.util.function.Function<Object, Object> key = item -> {
            Object found = Attributes.get(item, attribute);
            if (found == Attributes.MISSING) {
                if (fallback == null) {
                    throw Attributes.undefined(item, attribute);
                }
                found = fallback;
            }
            return found;
        };
        items.sort((a, b) ->
                PythonValues.compare(folded(key.apply(a), caseSensitive), folded(key.apply(b), caseSensitive)));
        List<List<Object>> groups = new ArrayList<>();
        List<Object> current = null;
        Object currentKey = null;
        for (Object item : items) {
            Object itemKey = folded(key.apply(item), caseSensitive);
            if (current == null || !PythonValues.equal(itemKey, currentKey)) {
                current = new ArrayList<>();
                currentKey = itemKey;
                groups.add(current);
            }
            current.add(item);
        }
        List<Object> result = new ArrayList<>();
        for (List<Object> members : groups) {
            result.add(PythonTuple.of(key.apply(members.get(0)), members));
        }
        return result;
    }

    /** {@code items}: a mapping's (key, value) tuples; an undefined value has none. */
    private static Object items(Object value) {
        List<Object> items = new ArrayList<>();
        if (Undefined.isUndefined(value)) {
            return items;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw AnsibleFilterError.typeError("Can only get item pairs from a mapping.");
        }
        map.forEach((k, v) -> items.add(PythonTuple.of(k, v)));
        return items;
    }

    /** {@code truncate(length=255, killwords=False, end='...', leeway=5)}. */
    private static Object truncate(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("length", "killwords", "end", "leeway");
        String text = PythonRepr.str(value);
        int length = ((Number) args.get(0, "length", 255L)).intValue();
        String end = args.text(2, "end", "...");
        int leeway = ((Number) args.get(3, "leeway", 5L)).intValue();
        if (text.length() <= length + leeway) {
            return text;
        }
        String head = text.substring(0, Math.max(0, length - end.length()));
        if (args.flag(1, "killwords", false)) {
            return head + end;
        }
        int space = head.lastIndexOf(' ');
        return (space < 0 ? head : head.substring(0, space)) + end;
    }

    /** {@code urlencode}: a string quoted (slashes kept), a dict or pairs as a query string. */
    static String urlencode(Object value) {
        if (value instanceof CharSequence || !(value instanceof Iterable<?> || value instanceof Map<?, ?>)) {
            return quote(PythonRepr.str(value), false);
        }
        List<String> pairs = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> pairs.add(quote(PythonRepr.str(k), true) + "=" + quote(PythonRepr.str(v), true)));
        } else {
            for (Object pair : PythonValues.iterable(value)) {
                List<Object> kv = PythonValues.iterable(pair);
                pairs.add(quote(PythonRepr.str(kv.get(0)), true) + "=" + quote(PythonRepr.str(kv.get(1)), true));
            }
        }
        return String.join("&", pairs);
    }

    private static String quote(String text, boolean forQuery) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "_.-~".indexOf(c) >= 0
                    || (c == '/' && !forQuery)) {
                out.append((char) c);
            } else if (c == ' ' && forQuery) {
                out.append('+');
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /** {@code tojson(indent=None)}: sorted keys, with {@code <>&'} escaped for HTML. */
    private static Object tojson(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("indent");
        Object indent = args.get(0, "indent", null);
        int spaces = indent == null ? -1 : PythonNumbers.index(indent);
        String json = new JsonDumper(spaces, true, spaces < 0 ? ", " : ",", ": ", true).dump(value);
        return json.replace("<", "\\u003c")
                .replace(">", "\\u003e")
                .replace("&", "\\u0026")
                .replace("'", "\\u0027");
    }

    /** {@code indent(width=4, first=False, blank=False)}: every line but the first indented. */
    private static Object indent(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("width", "first", "blank");
        Object width = args.get(0, "width", 4L);
        String indention =
                width instanceof CharSequence text ? text.toString() : " ".repeat(PythonNumbers.index(width));
        boolean blank = args.flag(2, "blank", false);
        List<String> lines = new ArrayList<>(List.of((PythonRepr.str(value) + "\n").split("\r\n|\n|\r", -1)));
        lines.remove(lines.size() - 1);
        StringBuilder out = new StringBuilder(lines.get(0));
        for (String line : lines.subList(1, lines.size())) {
            out.append('\n').append(blank || !line.isEmpty() ? indention + line : line);
        }
        return args.flag(1, "first", false) ? indention + out : out.toString();
    }
}
