package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's dictionary filters: {@code combine}, {@code dict2items}, {@code items2dict} and
 * {@code subelements}.
 */
final class DictFilters {
    private static final List<String> LIST_MERGES =
            List.of("replace", "keep", "append", "prepend", "append_rp", "prepend_rp");

    private DictFilters() {}

    static List<PluginFilter> all() {
        return List.of(
                new PluginFilter("combine", DictFilters::combine),
                new PluginFilter("dict2items", DictFilters::dictToItems),
                new PluginFilter("items2dict", DictFilters::itemsToDict),
                new PluginFilter("subelements", DictFilters::subelements));
    }

    /** Ansible's {@code combine(*dicts, recursive=False, list_merge='replace')}. */
    private static Object combine(Object value, Arguments args, JinjavaInterpreter interpreter) {
        for (String key : args.keywords().keySet()) {
            if (!key.equals("recursive") && !key.equals("list_merge")) {
                throw new AnsibleFilterError("'recursive' and 'list_merge' are the only valid keyword arguments");
            }
        }
        boolean recursive = PythonValues.truthy(args.keywords().getOrDefault("recursive", false));
        String listMerge = PythonRepr.str(args.keywords().getOrDefault("list_merge", "replace"));
        List<Object> terms = new ArrayList<>();
        terms.add(value);
        terms.addAll(args.positional());
        List<Object> dictionaries = SetFilters.flatten(terms, 1, true);
        if (dictionaries.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Object result = dictionaries.get(dictionaries.size() - 1);
        for (int i = dictionaries.size() - 2; i >= 0; i--) {
            result = merge(dictionaries.get(i), result, recursive, listMerge);
        }
        return result;
    }

    /** Ansible's {@code merge_hash(x, y)}: a new dict of y merged into x, y's keys winning. */
    static Map<Object, Object> merge(Object x, Object y, boolean recursive, String listMerge) {
        if (!LIST_MERGES.contains(listMerge)) {
            throw new AnsibleFilterError(
                    "merge_hash: 'list_merge' argument can only be equal to 'replace', "
                            + "'keep', 'append', 'prepend', 'append_rp' or 'prepend_rp'",
                    "AnsibleError");
        }
        if (!(x instanceof Map<?, ?> low) || !(y instanceof Map<?, ?> high)) {
            throw new AnsibleFilterError(
                    "failed to combine variables, expected dicts but got a '"
                            + PythonValues.typeName(x) + "' and a '" + PythonValues.typeName(y) + "': \n"
                            + dumps(x) + "\n" + dumps(y),
                    "AnsibleError");
        }
        Map<Object, Object> result = new LinkedHashMap<>(low);
        for (Map.Entry<?, ?> entry : high.entrySet()) {
            Object key = entry.getKey();
            Object yValue = entry.getValue();
            if (!result.containsKey(key)) {
                result.put(key, yValue);
                continue;
            }
            Object xValue = result.get(key);
            if (xValue instanceof Map<?, ?> && yValue instanceof Map<?, ?>) {
                result.put(key, recursive ? merge(xValue, yValue, true, listMerge) : yValue);
            } else if (xValue instanceof List<?> xs && yValue instanceof List<?> ys) {
                result.put(key, mergeLists(xs, ys, listMerge));
            } else {
                result.put(key, yValue);
            }
        }
        return result;
    }

    private static List<?> mergeLists(List<?> xs, List<?> ys, String listMerge) {
        List<Object> merged = new ArrayList<>();
        List<Object> xsNotInYs = new ArrayList<>();
        for (Object x : xs) {
            if (!PythonValues.contains(ys, x)) {
                xsNotInYs.add(x);
            }
        }
        switch (listMerge) {
            case "keep" -> merged.addAll(xs);
            case "append" -> {
                merged.addAll(xs);
                merged.addAll(ys);
            }
            case "prepend" -> {
                merged.addAll(ys);
                merged.addAll(xs);
            }
            case "append_rp" -> {
                merged.addAll(xsNotInYs);
                merged.addAll(ys);
            }
            case "prepend_rp" -> {
                merged.addAll(ys);
                merged.addAll(xsNotInYs);
            }
            default -> merged.addAll(ys);
        }
        return merged;
    }

    private static String dumps(Object value) {
        try {
            return new JsonDumper(-1, false, ", ", ": ", true).dump(value);
        } catch (AnsibleFilterError e) {
            return PythonRepr.str(value);
        }
    }

    /** Ansible's {@code dict2items(key_name='key', value_name='value')}. */
    private static Object dictToItems(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("key_name", "value_name");
        if (!(value instanceof Map<?, ?> map)) {
            throw AnsibleFilterError.typeError(
                    "dict2items requires a dictionary, got " + pythonClass(value) + " instead.");
        }
        String keyName = args.text(0, "key_name", "key");
        String valueName = args.text(1, "value_name", "value");
        List<Object> items = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put(keyName, entry.getKey());
            item.put(valueName, entry.getValue());
            items.add(item);
        }
        return items;
    }

    /** Ansible's {@code items2dict(key_name='key', value_name='value')}. */
    private static Object itemsToDict(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("key_name", "value_name");
        if (!PythonValues.isSequence(value)) {
            throw AnsibleFilterError.typeError("items2dict requires a list, got " + pythonClass(value) + " instead.");
        }
        String keyName = args.text(0, "key_name", "key");
        String valueName = args.text(1, "value_name", "value");
        Map<Object, Object> result = new LinkedHashMap<>();
        for (Object item : PythonValues.iterable(value)) {
            if (!(item instanceof Map<?, ?> map)) {
                throw AnsibleFilterError.typeError(
                        "items2dict requires a list of dictionaries, got " + PythonRepr.str(value) + " instead.");
            }
            if (!map.containsKey(keyName) || !map.containsKey(valueName)) {
                throw AnsibleFilterError.typeError("items2dict requires each dictionary in the list to "
                        + "contain the keys '" + keyName + "' and '" + valueName + "', got "
                        + PythonRepr.str(value) + " instead.");
            }
            result.put(map.get(keyName), map.get(valueName));
        }
        return result;
    }

    /** Ansible's {@code subelements(subelements, skip_missing=False)}: (item, subitem) pairs. */
    private static Object subelements(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("subelements", "skip_missing");
        boolean skipMissing = args.flag(1, "skip_missing", false);
        List<Object> elements;
        if (value instanceof Map<?, ?> map) {
            elements = new ArrayList<>(map.values());
        } else if (value instanceof List<?> list) {
            elements = new ArrayList<>(list);
        } else {
            throw new AnsibleFilterError("obj must be a list of dicts or a nested dict");
        }
        Object path = args.get(0, "subelements", null);
        List<Object> keys;
        if (path instanceof List<?> list) {
            keys = new ArrayList<>(list);
        } else if (path instanceof CharSequence text) {
            keys = new ArrayList<>(List.of((Object[]) text.toString().split("\\.", -1)));
        } else {
            throw AnsibleFilterError.typeError("subelements must be a list or a string");
        }
        List<Object> results = new ArrayList<>();
        for (Object element : elements) {
            Object values = element;
            for (Object key : keys) {
                if (!(values instanceof Map<?, ?> map)) {
                    throw AnsibleFilterError.typeError("the key " + PythonRepr.str(key)
                            + " should point to a dictionary, got '" + PythonRepr.str(values) + "'");
                }
                if (!map.containsKey(key)) {
                    if (skipMissing) {
                        values = List.of();
                        break;
                    }
                    throw new AnsibleFilterError("could not find " + PythonRepr.repr(key) + " key in iterated item "
                            + PythonRepr.repr(values));
                }
                values = map.get(key);
            }
            if (!(values instanceof List<?> list)) {
                throw AnsibleFilterError.typeError("the key " + PythonRepr.repr(keys.get(keys.size() - 1))
                        + " should point to a list, got " + PythonRepr.repr(values));
            }
            list.forEach(item -> results.add(PythonTuple.of(element, item)));
        }
        return results;
    }

    /** Python's {@code str(type(value))}, e.g. {@code <class 'int'>}. */
    static String pythonClass(Object value) {
        return "<class '" + PythonValues.typeName(value) + "'>";
    }
}
