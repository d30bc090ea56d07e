package dev.rolehop.engine.executor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records {@code set_stats} data: per host or for the run ({@code _run}), replaced or aggregated. */
final class SetStats {

    private SetStats() {}

    @SuppressWarnings("unchecked")
    static void apply(Stats stats, Map<?, ?> statsData, String host) {
        Object data = statsData.get("data");
        if (!(data instanceof Map<?, ?> values) || values.isEmpty()) {
            return;
        }
        boolean perHost = Boolean.TRUE.equals(statsData.get("per_host"));
        boolean aggregate = !Boolean.FALSE.equals(statsData.get("aggregate"));
        String key = perHost ? host : "_run";
        synchronized (stats) {
            Map<String, Object> target =
                    (Map<String, Object>) stats.custom().computeIfAbsent(key, k -> new LinkedHashMap<>());
            values.forEach((k, v) -> {
                String name = String.valueOf(k);
                Object previous = target.get(name);
                target.put(name, aggregate && previous != null ? merge(previous, v) : v);
            });
        }
    }

    private static Object merge(Object previous, Object value) {
        if (previous instanceof Map<?, ?> a && value instanceof Map<?, ?> b) {
            Map<Object, Object> merged = new LinkedHashMap<>(a);
            merged.putAll(b);
            return merged;
        }
        if (previous instanceof List<?> a && value instanceof List<?> b) {
            List<Object> merged = new java.util.ArrayList<>(a);
            merged.addAll(b);
            return merged;
        }
        if (previous instanceof Number a && value instanceof Number b) {
            return a.longValue() + b.longValue();
        }
        return value;
    }
}
