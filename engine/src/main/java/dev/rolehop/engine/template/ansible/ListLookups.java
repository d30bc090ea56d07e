package dev.rolehop.engine.template.ansible;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ansible's list-shaping lookups, the ones behind {@code with_items}, {@code with_indexed_items},
 * {@code with_dict}, {@code with_together}, {@code with_nested}, {@code with_list}, {@code with_subelements} and
 * {@code with_random_choice}.
 */
final class ListLookups {
    private ListLookups() {}

    static Map<String, Lookup> all() {
        Map<String, Lookup> lookups = new LinkedHashMap<>();
        lookups.put("items", (terms, options, context) -> flatten(terms));
        lookups.put("list", (terms, options, context) -> new ArrayList<>(terms));
        lookups.put("indexed_items", (terms, options, context) -> indexed(terms));
        lookups.put("dict", (terms, options, context) -> dict(terms));
        lookups.put("together", (terms, options, context) -> together(terms));
        lookups.put("nested", (terms, options, context) -> nested(terms));
        lookups.put("subelements", new SubelementsLookup());
        lookups.put("flattened", (terms, options, context) -> flattened(terms));
        lookups.put("random_choice", (terms, options, context) -> randomChoice(terms));
        return lookups;
    }

    /** LookupBase._flatten: one level, lists only. */
    static List<Object> flatten(List<?> terms) {
        List<Object> flat = new ArrayList<>();
        for (Object term : terms) {
            if (term instanceof List<?> list) {
                flat.addAll(list);
            } else {
                flat.add(term);
            }
        }
        return flat;
    }

    private static List<Object> indexed(List<Object> terms) {
        List<Object> items = flatten(terms);
        List<Object> result = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            result.add(PythonTuple.of((long) i, items.get(i)));
        }
        return result;
    }

    private static List<Object> dict(List<Object> terms) {
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            if (!(term instanceof Map<?, ?> map)) {
                throw new AnsibleFilterError("with_dict expects a dict", "AnsibleError");
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("key", entry.getKey());
                item.put("value", entry.getValue());
                result.add(item);
            }
        }
        return result;
    }

    private static List<Object> together(List<Object> terms) {
        if (terms.isEmpty()) {
            throw new AnsibleFilterError("with_together requires at least one element in each list", "AnsibleError");
        }
        List<List<Object>> lists = new ArrayList<>();
        terms.forEach(term -> lists.add(listify(term)));
        int size = lists.stream().mapToInt(List::size).max().orElse(0);
        List<Object> result = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<Object> row = new ArrayList<>();
            for (List<Object> list : lists) {
                row.add(i < list.size() ? list.get(i) : null);
            }
            result.add(flatten(row));
        }
        return result;
    }

    private static List<Object> nested(List<Object> terms) {
        if (terms.isEmpty()) {
            throw new AnsibleFilterError(
                    "with_nested requires at least one element in the nested list", "AnsibleError");
        }
        List<Object> result = listify(terms.get(0));
        for (Object term : terms.subList(1, terms.size())) {
            List<Object> combined = new ArrayList<>();
            for (Object x : result) {
                for (Object y : listify(term)) {
                    combined.add(flatten(java.util.Arrays.asList(x, y)));
                }
            }
            result = combined;
        }
        List<Object> rows = new ArrayList<>();
        for (Object row : result) {
            rows.add(row instanceof List<?> list ? flatten(list) : flatten(java.util.Arrays.asList(row)));
        }
        return rows;
    }

    /**
     * community.general's {@code flattened} ({@code with_flattened}, which ansible-core routes
     * there): lists flattened at every depth, a list of one list taken as its item, and the
     * rest of a list dropped at a {@code 'None'} or {@code 'null'} item.
     */
    private static List<Object> flattened(List<?> terms) {
        List<Object> flat = new ArrayList<>();
        for (Object term : terms) {
            Object item = term;
            while (item instanceof List<?> list && list.size() == 1) {
                item = list.get(0);
            }
            if ("None".equals(item) || "null".equals(item)) {
                break;
            }
            if (item instanceof List<?> list) {
                flat.addAll(flattened(list));
            } else {
                flat.add(item);
            }
        }
        return flat;
    }

    /** {@code random_choice}: one of the terms, picked at random (no terms: none). */
    private static List<Object> randomChoice(List<Object> terms) {
        if (terms.isEmpty()) {
            return terms;
        }
        List<Object> choice = new ArrayList<>();
        choice.add(terms.get(ThreadLocalRandom.current().nextInt(terms.size())));
        return choice;
    }

    /** listify_lookup_plugin_terms: a string or scalar becomes a one-item list. */
    private static List<Object> listify(Object term) {
        return term instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>(java.util.Arrays.asList(term));
    }
}
