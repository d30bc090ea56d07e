package dev.rolehop.local.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Unmodifiable copies of maps that keep their order (IAM lists policies and tags as created). */
final class Ordered {

    private Ordered() {}

    /** An unmodifiable copy in the same order; null reads as empty. */
    static <K, V> Map<K, V> copy(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
