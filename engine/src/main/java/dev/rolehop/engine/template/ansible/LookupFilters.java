package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's filters that reshape or look into data: {@code extract}, {@code rekey_on_member}
 * and {@code urldecode}.
 */
final class LookupFilters {
    private LookupFilters() {}

    static List<PluginFilter> all() {
        return List.of(
                new PluginFilter("extract", LookupFilters::extract),
                new PluginFilter("rekey_on_member", LookupFilters::rekeyOnMember),
                new PluginFilter(
                        "urldecode",
                        (value, args, interpreter) ->
                                URLDecoder.decode(PythonRepr.str(value), StandardCharsets.UTF_8)));
    }

    /** {@code extract(container, morekeys=None)}: {@code container[item]}, then deeper keys. */
    private static Object extract(Object item, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("container", "morekeys");
        Object morekeys = args.get(1, "morekeys", null);
        List<Object> keys = new ArrayList<>();
        keys.add(item);
        if (morekeys instanceof List<?> list) {
            keys.addAll(list);
        } else if (morekeys != null) {
            keys.add(morekeys);
        }
        Object value = args.get(0, "container", null);
        for (Object key : keys) {
            Object next = getitem(value, key);
            if (next == Attributes.MISSING) {
                throw new AnsibleFilterError(
                        "'" + PythonValues.typeName(value) + " object' has no attribute " + PythonRepr.repr(key),
                        "AnsibleUndefinedVariable");
            }
            value = next;
        }
        return value;
    }

    private static Object getitem(Object container, Object key) {
        if (container instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (PythonValues.equal(entry.getKey(), key)) {
                    return entry.getValue();
                }
            }
            return Attributes.MISSING;
        }
        if (container instanceof List<?> list && key instanceof Number index && !PythonValues.isFloat(index)) {
            int i = index.intValue() < 0 ? list.size() + index.intValue() : index.intValue();
            return i >= 0 && i < list.size() ? list.get(i) : Attributes.MISSING;
        }
        return Attributes.MISSING;
    }

    /** {@code rekey_on_member(key, duplicates='error')}: a dict of the items keyed by a member. */
    private static Object rekeyOnMember(Object data, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("key", "duplicates");
        Object key = args.get(0, "key", null);
        String duplicates = args.text(1, "duplicates", "error");
        if (!duplicates.equals("error") && !duplicates.equals("overwrite")) {
            throw new AnsibleFilterError("duplicates parameter to rekey_on_member has unknown value: " + duplicates);
        }
        List<Object> items;
        if (data instanceof Map<?, ?> map) {
            items = new ArrayList<>(map.values());
        } else if (PythonValues.isSequence(data)) {
            items = PythonValues.iterable(data);
        } else {
            throw AnsibleFilterError.typeError("Type is not a valid list, set, or dict");
        }
        Map<Object, Object> result = new LinkedHashMap<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> member)) {
                throw AnsibleFilterError.typeError("List item is not a valid dict");
            }
            Object keyValue = getitem(member, key);
            if (keyValue == Attributes.MISSING) {
                throw new AnsibleFilterError("Key " + PythonRepr.str(key) + " was not found");
            }
            if (PythonValues.truthy(result.get(keyValue)) && duplicates.equals("error")) {
                throw new AnsibleFilterError(
                        "Key " + PythonRepr.str(keyValue) + " is not unique, cannot correctly turn into dict");
            }
            result.put(keyValue, item);
        }
        return result;
    }
}
