package dev.rolehop.local.state;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts stored records (key pairs, instances, ...) to and from the plain maps of the state
 * file and journal, one entry per record component, so a new field needs no codec code.
 *
 * <p>Component types: {@code String}, {@code boolean}, {@code int}, {@code long} (and their boxes),
 * {@code Instant} (ISO-8601 text), nested records, {@code List} of any of these and
 * {@code Map<String, String>}. A component missing from the map (a file written by an older
 * version) is read as null, false or 0.
 */
final class RecordCodec {

    private RecordCodec() {}

    /** The record as a map of its components, in declaration order. */
    static Map<String, Object> encode(Record record) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            try {
                out.put(c.getName(), encodeValue(c.getAccessor().invoke(record)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass(), e);
            }
        }
        return out;
    }

    private static Object encodeValue(Object value) {
        if (value instanceof Record r) {
            return encode(r);
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(encodeValue(v)));
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            return new LinkedHashMap<>(map);
        }
        return value;
    }

    /**
     * A copy of a record with some components replaced.
     *
     * @param namesAndValues component name, new value, name, value, ... (values may be null)
     */
    @SuppressWarnings("unchecked")
    static <T extends Record> T with(T record, Object... namesAndValues) {
        Map<String, Object> map = encode(record);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            if (!map.containsKey(name)) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + name);
            }
            map.put(name, encodeValue(namesAndValues[i + 1]));
        }
        return decode((Class<T>) record.getClass(), map);
    }

    /** A record of this type from a map written by {@link #encode}. */
    static <T extends Record> T decode(Class<T> type, Map<String, Object> map) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] args = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            args[i] = decodeValue(components[i].getGenericType(), map.get(components[i].getName()));
        }
        try {
            Constructor<T> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(
                    "invalid " + type.getSimpleName() + ": " + e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object decodeValue(Type type, Object value) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == boolean.class) {
            return Boolean.TRUE.equals(value);
        }
        if (raw == int.class || raw == Integer.class) {
            Object n = value == null ? null : ((Number) value).intValue();
            return n == null && raw == int.class ? Integer.valueOf(0) : n;
        }
        if (raw == long.class || raw == Long.class) {
            Object n = value == null ? null : ((Number) value).longValue();
            return n == null && raw == long.class ? Long.valueOf(0) : n;
        }
        if (value == null) {
            return raw == List.class ? List.of() : raw == Map.class ? Map.of() : null;
        }
        if (raw == String.class) {
            return String.valueOf(value);
        }
        if (raw == Boolean.class) {
            return Boolean.TRUE.equals(value);
        }
        if (raw == Instant.class) {
            return Instant.parse((String) value);
        }
        if (raw.isRecord()) {
            return decode((Class<? extends Record>) raw, (Map<String, Object>) value);
        }
        if (raw == List.class) {
            Type element = ((ParameterizedType) type).getActualTypeArguments()[0];
            List<Object> out = new ArrayList<>();
            ((List<Object>) value).forEach(v -> out.add(decodeValue(element, v)));
            return out;
        }
        if (raw == Map.class) {
            Map<String, String> out = new LinkedHashMap<>();
            ((Map<String, Object>) value).forEach((k, v) -> out.put(k, String.valueOf(v)));
            return out;
        }
        throw new IllegalStateException("a stored record cannot hold a " + raw.getSimpleName());
    }
}
