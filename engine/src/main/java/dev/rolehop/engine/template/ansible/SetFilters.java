package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.ArrayList;
import java.util.List;

/**
 * Ansible's list-shaping filters: {@code flatten}, {@code zip}, {@code zip_longest},
 * {@code product}, and the set-like {@code intersect}, {@code difference}, {@code union} and
 * {@code symmetric_difference} (order of first occurrence kept, as Ansible does for lists).
 */
final class SetFilters {
    private SetFilters() {}

    static List<PluginFilter> all() {
        return List.of(
                new PluginFilter("flatten", SetFilters::flatten),
                new PluginFilter("zip", (value, args, interpreter) -> zip(value, args, false)),
                new PluginFilter("zip_longest", (value, args, interpreter) -> zip(value, args, true)),
                new PluginFilter("product", SetFilters::product),
                new PluginFilter("intersect", (value, args, interpreter) -> intersect(value, other(args))),
                new PluginFilter("difference", (value, args, interpreter) -> difference(value, other(args))),
                new PluginFilter("union", (value, args, interpreter) -> union(value, other(args))),
                new PluginFilter("symmetric_difference", (value, args, interpreter) -> symmetric(value, other(args))));
    }

    /** Ansible's {@code flatten(levels=None, skip_nulls=True)}; skips None, 'None' and 'null'. */
    private static Object flatten(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("levels", "skip_nulls");
        Object levels = args.get(0, "levels", null);
        return flatten(value, levels == null ? -1 : ((Number) levels).intValue(), args.flag(1, "skip_nulls", true));
    }

    /** Flattens {@code levels} deep (negative = fully). */
    static List<Object> flatten(Object value, int levels, boolean skipNulls) {
        List<Object> result = new ArrayList<>();
        for (Object element : PythonValues.iterable(value)) {
            if (skipNulls && (element == null || "None".equals(element) || "null".equals(element))) {
                continue;
            }
            if (element instanceof List<?> && levels != 0) {
                result.addAll(flatten(element, levels - 1, skipNulls));
            } else {
                result.add(element);
            }
        }
        return result;
    }

    /** Python's {@code zip(value, *others)} (shortest) or {@code zip_longest(..., fillvalue=None)}. */
    private static Object zip(Object value, Arguments args, boolean longest) {
        for (String key : args.keywords().keySet()) {
            if (!longest || !key.equals("fillvalue")) {
                throw AnsibleFilterError.typeError(
                        (longest ? "zip_longest" : "zip") + "() got an unexpected keyword argument '" + key + "'");
            }
        }
        List<List<Object>> lists = new ArrayList<>();
        lists.add(PythonValues.iterable(value));
        args.positional().forEach(other -> lists.add(PythonValues.iterable(other)));
        Object fill = args.keywords().get("fillvalue");
        int size = longest
                ? lists.stream().mapToInt(List::size).max().orElse(0)
                : lists.stream().mapToInt(List::size).min().orElse(0);
        List<Object> result = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<Object> row = new ArrayList<>();
            for (List<Object> list : lists) {
                row.add(i < list.size() ? list.get(i) : fill);
            }
            result.add(new PythonTuple(row));
        }
        return result;
    }

    /** Python's {@code itertools.product(value, *others, repeat=1)}. */
    private static Object product(Object value, Arguments args, JinjavaInterpreter interpreter) {
        List<List<Object>> pools = new ArrayList<>();
        pools.add(PythonValues.iterable(value));
        args.positional().forEach(other -> pools.add(PythonValues.iterable(other)));
        int repeat = ((Number) args.keywords().getOrDefault("repeat", 1L)).intValue();
        List<List<Object>> all = new ArrayList<>();
        for (int r = 0; r < repeat; r++) {
            all.addAll(pools);
        }
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of());
        for (List<Object> pool : all) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> row : rows) {
                for (Object item : pool) {
                    List<Object> longer = new ArrayList<>(row);
                    longer.add(item);
                    next.add(longer);
                }
            }
            rows = next;
        }
        List<Object> result = new ArrayList<>();
        rows.forEach(row -> result.add(new PythonTuple(row)));
        return result;
    }

    private static Object other(Arguments args) {
        args.accept("b");
        return args.get(0, "b", null);
    }

    static List<Object> intersect(Object a, Object b) {
        List<Object> kept = new ArrayList<>();
        for (Object x : PythonValues.iterable(a)) {
            if (PythonValues.contains(b, x)) {
                kept.add(x);
            }
        }
        return SequenceFilters.distinct(kept, true, null);
    }

    static List<Object> difference(Object a, Object b) {
        List<Object> kept = new ArrayList<>();
        for (Object x : PythonValues.iterable(a)) {
            if (!PythonValues.contains(b, x)) {
                kept.add(x);
            }
        }
        return SequenceFilters.distinct(kept, true, null);
    }

    static List<Object> union(Object a, Object b) {
        List<Object> all = new ArrayList<>(PythonValues.iterable(a));
        all.addAll(PythonValues.iterable(b));
        return SequenceFilters.distinct(all, true, null);
    }

    static List<Object> symmetric(Object a, Object b) {
        List<Object> common = intersect(a, b);
        List<Object> result = new ArrayList<>();
        for (Object x : union(a, b)) {
            if (common.stream().noneMatch(c -> PythonValues.equal(c, x))) {
                result.add(x);
            }
        }
        return result;
    }
}
