package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Jinja2's filters over sequences, with Jinja2 3.1's arguments: {@code map}, {@code select},
 * {@code reject}, {@code selectattr}, {@code rejectattr}, {@code join}, {@code sort}, {@code min},
 * {@code max}, {@code sum} and Ansible's {@code unique}.
 *
 * <p>Jinja2 returns generators from {@code map} and the select family; these return lists,
 * so a template that prints one without {@code | list} shows the items instead of
 * {@code <generator object ...>}.
 */
final class SequenceFilters {
    private SequenceFilters() {}

    static List<PluginFilter> all() {
        return List.of(
                new PluginFilter("map", SequenceFilters::map),
                new PluginFilter("select", (value, args, interpreter) -> select(value, args, interpreter, true)),
                new PluginFilter("reject", (value, args, interpreter) -> select(value, args, interpreter, false)),
                new PluginFilter(
                        "selectattr", (value, args, interpreter) -> selectAttr(value, args, interpreter, true)),
                new PluginFilter(
                        "rejectattr", (value, args, interpreter) -> selectAttr(value, args, interpreter, false)),
                new PluginFilter("join", SequenceFilters::join),
                new PluginFilter("sort", SequenceFilters::sort),
                new PluginFilter("min", (value, args, interpreter) -> extreme(value, args, false)),
                new PluginFilter("max", (value, args, interpreter) -> extreme(value, args, true)),
                new PluginFilter("sum", SequenceFilters::sum),
                new PluginFilter("unique", SequenceFilters::unique));
    }

    /** {@code map(attribute='x', default=None)} or {@code map('filter', *args, **kwargs)}. */
    private static Object map(Object value, Arguments args, JinjavaInterpreter interpreter) {
        List<Object> items = PythonValues.iterable(value);
        List<Object> result = new ArrayList<>();
        if (args.positional().isEmpty() && args.keywords().containsKey("attribute")) {
            args.accept("attribute", "default");
            Object attribute = args.keywords().get("attribute");
            boolean hasDefault = args.keywords().containsKey("default");
            for (Object item : items) {
                Object found = Attributes.get(item, attribute);
                if (found == Attributes.MISSING && !hasDefault) {
                    throw Attributes.undefined(item, attribute);
                }
                result.add(found == Attributes.MISSING ? args.keywords().get("default") : found);
            }
            return result;
        }
        if (args.positional().isEmpty()) {
            throw new AnsibleFilterError("map requires a filter argument", "FilterArgumentError");
        }
        String filter = PythonRepr.str(args.positional().get(0));
        List<Object> rest = args.positional().subList(1, args.positional().size());
        for (Object item : items) {
            result.add(Plugins.filter(interpreter, filter, item, rest, args.keywords()));
        }
        return result;
    }

    /** {@code select(test=None, *args)}/{@code reject}: keeps items passing (failing) the test. */
    private static Object select(Object value, Arguments args, JinjavaInterpreter interpreter, boolean keep) {
        List<Object> result = new ArrayList<>();
        for (Object item : PythonValues.iterable(value)) {
            if (passes(item, args.positional(), 0, interpreter) == keep) {
                result.add(item);
            }
        }
        return result;
    }

    /** {@code selectattr(attr, test=None, *args)}/{@code rejectattr}: tests one attribute. */
    private static Object selectAttr(Object value, Arguments args, JinjavaInterpreter interpreter, boolean keep) {
        if (args.positional().isEmpty()) {
            throw new AnsibleFilterError("Missing parameter for attribute name", "FilterArgumentError");
        }
        Object attribute = args.positional().get(0);
        List<Object> result = new ArrayList<>();
        for (Object item : PythonValues.iterable(value)) {
            Object found = Attributes.get(item, attribute);
            // A missing attribute is Jinja2's Undefined: false for 'defined' and 'none', an error when used.
            Object tested = found == Attributes.MISSING ? Attributes.undefinedValue(item, attribute) : found;
            if (passes(tested, args.positional(), 1, interpreter) == keep) {
                result.add(item);
            }
        }
        return result;
    }

    private static boolean passes(Object item, List<Object> call, int from, JinjavaInterpreter interpreter) {
        if (call.size() <= from) {
            return PythonValues.truthy(item);
        }
        String test = PythonRepr.str(call.get(from));
        return Plugins.test(interpreter, test, item, call.subList(from + 1, call.size()));
    }

    /** {@code join(d='', attribute=None)}: Python's str of each item, joined. */
    private static Object join(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("d", "attribute");
        String separator = args.text(0, "d", "");
        Object attribute = args.get(1, "attribute", null);
        List<String> parts = new ArrayList<>();
        for (Object item : PythonValues.iterable(value)) {
            parts.add(PythonRepr.str(attribute == null ? item : Attributes.require(item, attribute)));
        }
        return String.join(separator, parts);
    }

    /** Returns the sort key: the attribute(s), lowercased unless case-sensitive. */
    private static Object key(Object item, Object attribute, boolean caseSensitive) {
        Object value = item;
        if (attribute != null) {
            String[] paths = PythonRepr.str(attribute).split(",");
            if (paths.length > 1) {
                List<Object> keys = new ArrayList<>();
                for (String path : paths) {
                    keys.add(key(item, path.strip(), caseSensitive));
                }
                return keys;
            }
            value = Attributes.require(item, attribute);
        }
        return !caseSensitive && value instanceof CharSequence text
                ? text.toString().toLowerCase(Locale.ROOT)
                : value;
    }

    /** {@code sort(reverse=False, case_sensitive=False, attribute=None)}: a stable sort. */
    private static Object sort(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("reverse", "case_sensitive", "attribute");
        boolean reverse = args.flag(0, "reverse", false);
        boolean caseSensitive = args.flag(1, "case_sensitive", false);
        Object attribute = args.get(2, "attribute", null);
        List<Object> items = new ArrayList<>(PythonValues.iterable(value));
        Comparator<Object> order =
                (a, b) -> PythonValues.compare(key(a, attribute, caseSensitive), key(b, attribute, caseSensitive));
        items.sort(reverse ? order.reversed() : order);
        return items;
    }

    /** {@code min}/{@code max(case_sensitive=False, attribute=None)}. */
    private static Object extreme(Object value, Arguments args, boolean max) {
        args.accept("case_sensitive", "attribute");
        boolean caseSensitive = args.flag(0, "case_sensitive", false);
        Object attribute = args.get(1, "attribute", null);
        List<Object> items = PythonValues.iterable(value);
        if (items.isEmpty()) {
            throw new AnsibleFilterError("No aggregated item, sequence was empty.", "AnsibleUndefinedVariable");
        }
        Object best = items.get(0);
        for (Object item : items.subList(1, items.size())) {
            int order = PythonValues.compare(key(item, attribute, caseSensitive), key(best, attribute, caseSensitive));
            if (max ? order > 0 : order < 0) {
                best = item;
            }
        }
        return best;
    }

    /** {@code sum(attribute=None, start=0)}: numbers add, lists concatenate. */
    private static Object sum(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("attribute", "start");
        Object attribute = args.get(0, "attribute", null);
        Object total = args.get(1, "start", 0L);
        for (Object item : PythonValues.iterable(value)) {
            total = PythonArithmetic.add(total, attribute == null ? item : Attributes.require(item, attribute));
        }
        return total;
    }

    /**
     * Ansible's {@code unique(case_sensitive=None, attribute=None)}: Jinja2's filter, which by
     * default ignores case; first occurrences are kept in order.
     */
    private static Object unique(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("case_sensitive", "attribute");
        boolean caseSensitive = args.flag(0, "case_sensitive", false);
        Object attribute = args.get(1, "attribute", null);
        return distinct(PythonValues.iterable(value), caseSensitive, attribute);
    }

    /** Keeps the first item of each run of Python-equal keys. */
    static List<Object> distinct(List<Object> items, boolean caseSensitive, Object attribute) {
        List<Object> seen = new ArrayList<>();
        List<Object> result = new ArrayList<>();
        for (Object item : items) {
            Object key = key(item, attribute, caseSensitive);
            if (seen.stream().noneMatch(k -> PythonValues.equal(k, key))) {
                seen.add(key);
                result.add(item);
            }
        }
        return result;
    }
}
