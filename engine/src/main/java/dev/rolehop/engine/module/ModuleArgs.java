package dev.rolehop.engine.module;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A module's validated arguments, keyed by canonical name, converted to the declared types
 * ({@code STR} -> String, {@code INT} -> Long, {@code BOOL} -> Boolean, {@code LIST} -> List,
 * {@code DICT} -> Map). Arguments the task did not give (or gave as {@code omit}) are absent.
 */
public final class ModuleArgs {

    private final Map<String, Object> values;

    public ModuleArgs(Map<String, ?> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public boolean has(String name) {
        return values.get(name) != null;
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable(values.get(name)).map(String::valueOf);
    }

    public Optional<Long> integer(String name) {
        return Optional.ofNullable((Number) values.get(name)).map(Number::longValue);
    }

    public boolean bool(String name) {
        return Boolean.TRUE.equals(values.get(name));
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        Object value = values.get(name);
        return value == null ? List.of() : (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> dict(String name) {
        Object value = values.get(name);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    /** The raw value, or {@code null} when absent. */
    public Object get(String name) {
        return values.get(name);
    }

    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public String toString() {
        return "ModuleArgs" + values.keySet();
    }
}
