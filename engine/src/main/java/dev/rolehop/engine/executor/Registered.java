package dev.rolehop.engine.executor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The value {@code register} stores: the result without Ansible's internal {@code _ansible_*} keys and invocation. */
final class Registered {

    private Registered() {
    }

    static Map<String, Object> of(Map<String, Object> result) {
        Map<String, Object> out = new LinkedHashMap<>();
        result.forEach((k, v) -> {
            if (!k.startsWith("_ansible_") && !k.equals("invocation")) {
                out.put(k, strip(v));
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object strip(Object value) {
        if (value instanceof Map<?, ?> map) {
            return of((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Registered::strip).toList();
        }
        return value;
    }
}
