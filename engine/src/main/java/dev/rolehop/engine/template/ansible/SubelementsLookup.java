package dev.rolehop.engine.template.ansible;

import dev.rolehop.python.Booleans;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible's {@code subelements} lookup ({@code with_subelements}): for each dict of a list (or
 * of a dict's values), a {@code (dict, subitem)} pair per item of the list at a dotted key, the
 * key itself taken out of the dict as Ansible's {@code pop} takes it. An optional third term
 * {@code {'skip_missing': true}} skips dicts without the key.
 */
final class SubelementsLookup implements Lookup {

    @Override
    public List<Object> run(List<Object> terms, Map<String, Object> options, LookupContext context) {
        if (terms.size() < 2 || terms.size() > 3) {
            throw termsError("");
        }
        Object elements = terms.get(0) instanceof CharSequence ? List.of(terms.get(0)) : terms.get(0);
        if (!(elements instanceof List<?> || elements instanceof Map<?, ?>)
                || !(terms.get(1) instanceof CharSequence)) {
            throw termsError("first a dict or a list, second a string pointing to the subkey");
        }
        String[] path = terms.get(1).toString().split("\\.", -1);
        List<Object> items;
        if (elements instanceof Map<?, ?> map) {
            if (isSkipped(map)) {
                // the registered result was skipped as a whole
                return new ArrayList<>();
            }
            items = new ArrayList<>(map.values());
        } else {
            items = new ArrayList<>((List<?>) elements);
        }
        Object flags = terms.size() == 3 ? terms.get(2) : Map.of();
        boolean skipMissing = flags instanceof Map<?, ?> given && Booleans.lenient(given.get("skip_missing"));
        List<Object> result = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> element)) {
                throw new AnsibleFilterError(
                        "subelements lookup expects a dictionary, got '" + PythonRepr.str(item) + "'", "AnsibleError");
            }
            if (!isSkipped(element)) {
                Map<Object, Object> shown = new LinkedHashMap<>(element);
                for (Object sub : subitems(shown, path, skipMissing)) {
                    result.add(PythonTuple.of(shown, sub));
                }
            }
        }
        return result;
    }

    /**
     * Walks the path in a copy of the element and takes the list at its end out of the copy.
     * As Ansible's loop does, a missing key is skipped over with {@code skip_missing}: the walk goes
     * on with the next key on the same dict.
     */
    private static List<?> subitems(Map<Object, Object> element, String[] path, boolean skipMissing) {
        Map<Object, Object> value = element;
        for (int i = 0; i < path.length; i++) {
            String key = path[i];
            if (!value.containsKey(key)) {
                if (skipMissing) {
                    continue;
                }
                throw new AnsibleFilterError(
                        "could not find '" + key + "' key in iterated item '" + PythonRepr.str(value) + "'",
                        "AnsibleError");
            }
            Object next = value.get(key);
            if (i < path.length - 1) {
                if (!(next instanceof Map<?, ?> nested)) {
                    if (skipMissing) {
                        continue;
                    }
                    throw new AnsibleFilterError(
                            "the key " + key + " should point to a dictionary, got '" + PythonRepr.str(next) + "'",
                            "AnsibleError");
                }
                Map<Object, Object> copy = new LinkedHashMap<>(nested);
                value.put(key, copy);
                value = copy;
            } else {
                if (!(next instanceof List<?> list)) {
                    throw new AnsibleFilterError(
                            "the key " + key + " should point to a list, got '" + PythonRepr.str(next) + "'",
                            "AnsibleError");
                }
                value.remove(key);
                return list;
            }
        }
        return List.of();
    }

    private static boolean isSkipped(Map<?, ?> map) {
        return map.containsKey("skipped") && !Boolean.FALSE.equals(map.get("skipped"));
    }

    private static AnsibleFilterError termsError(String detail) {
        return new AnsibleFilterError(
                "subelements lookup expects a list of two or three items, " + detail, "AnsibleError");
    }
}
