package dev.rolehop.aws.ec2;

import dev.rolehop.python.PythonRepr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The tag changes that make a resource's tags the wanted ones, as amazon.aws's
 * {@code compare_aws_tags}: tags to set (new or different values) and, when purging, keys to
 * remove — never AWS's reserved {@code aws:*} tags.
 *
 * @param set    tags to create or overwrite
 * @param remove keys to delete
 */
record TagChanges(Map<String, String> set, List<String> remove) {

    TagChanges {
        set = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(set));
        remove = List.copyOf(remove);
    }

    static TagChanges of(Map<String, String> current, Map<String, ?> wanted, boolean purge) {
        List<String> remove = new ArrayList<>();
        if (purge) {
            current.keySet().stream()
                    .filter(k -> !wanted.containsKey(k) && !k.startsWith("aws:"))
                    .forEach(remove::add);
        }
        Map<String, String> set = new LinkedHashMap<>();
        wanted.forEach((key, value) -> {
            String text = text(value);
            if (!remove.contains(key) && !Objects.equals(text, current.get(key))) {
                set.put(key, text);
            }
        });
        return new TagChanges(set, remove);
    }

    /** A tag value as amazon.aws sends it: Python's text of the value ({@code True}, {@code None}). */
    static String text(Object value) {
        return PythonRepr.str(value);
    }

    boolean isEmpty() {
        return set.isEmpty() && remove.isEmpty();
    }

    /** The tags after the change. */
    Map<String, String> applyTo(Map<String, String> current) {
        Map<String, String> result = new LinkedHashMap<>(current);
        remove.forEach(result::remove);
        result.putAll(set);
        return result;
    }
}
