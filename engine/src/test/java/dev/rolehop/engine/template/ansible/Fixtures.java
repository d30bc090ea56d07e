package dev.rolehop.engine.template.ansible;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ordered test data, as a playbook's YAML would give it. */
final class Fixtures {
    private Fixtures() {}

    /** Returns an insertion-ordered map of alternating keys and values. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** Two users, {@code a} aged 3 and {@code b} aged 5, under the variable {@code users}. */
    static Map<String, Object> users() {
        return map("users", List.of(map("name", "a", "age", 3), map("name", "b", "age", 5)));
    }
}
