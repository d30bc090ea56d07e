package dev.rolehop.engine.executor;

import dev.rolehop.engine.module.Deprecation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The first projection of a {@link TaskResult} to Ansible's dict shape: what {@code register}
 * stores (and {@code ansible_failed_result}, and the {@code until} condition sees), as Ansible's
 * strategy makes it with {@code strip_internal_keys} and without the top level's {@code invocation}.
 * A loop's {@code results} hold its items' dicts, each with its {@code invocation}; warnings and
 * deprecations follow the return values, as a module's {@code exit_json} appends them.
 */
final class Registered {

    private static final String INTERNAL_PREFIX = "_ansible_";

    private Registered() {}

    static Map<String, Object> of(TaskResult result) {
        return project(result, false);
    }

    /** A result's dict; an item's keeps its invocation and leaves its warnings to the loop's result. */
    private static Map<String, Object> project(TaskResult result, boolean item) {
        Map<String, Object> out = new LinkedHashMap<>();
        result.values().forEach((k, v) -> {
            if (k.startsWith(INTERNAL_PREFIX) || (!item && k.equals("invocation"))) {
                return;
            }
            if (k.equals("results") && result.looped()) {
                out.put(
                        k,
                        result.items().stream()
                                .map(each -> (Object) project(each, true))
                                .toList());
            } else {
                out.put(k, strip(v));
            }
        });
        if (item) {
            return out;
        }
        if (!result.warnings().isEmpty()) {
            out.put("warnings", List.copyOf(result.warnings()));
        }
        if (!result.deprecations().isEmpty()) {
            out.put(
                    "deprecations",
                    result.deprecations().stream().map(Deprecation::asDict).toList());
        }
        return out;
    }

    /** A value without Ansible's internal keys at any depth, as {@code strip_internal_keys}. */
    private static Object strip(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!(k instanceof String s && s.startsWith(INTERNAL_PREFIX))) {
                    out.put(k, strip(v));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Registered::strip).toList();
        }
        return value;
    }
}
