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
 * Writes stored records ({@link Ec2Resource}s and {@link IamEntity}s) as plain maps for the state file and journal, and reads them
 * back: each record component becomes a key of its own name; strings, booleans, ints, longs (and
 * their nullable boxes), instants (ISO-8601 text), nested records, lists of them and
 * string-to-string maps are supported. One codec for every stored resource keeps a new
 * resource type down to its record and a {@link #KINDS} entry.
 */
final class RecordCodec {

    /** The stored kinds by the name written in the state; a name is never reused for another type. */
    static final Map<String, Class<? extends Record>> KINDS = Map.ofEntries(
            Map.entry("vpc", Vpc.class),
            Map.entry("subnet", Subnet.class),
            Map.entry("internet_gateway", InternetGateway.class),
            Map.entry("route_table", RouteTable.class),
            Map.entry("dhcp_options", DhcpOptions.class),
            Map.entry("network_acl", NetworkAcl.class),
            Map.entry("key_pair", KeyPair.class),
            Map.entry("instance", Instance.class),
            Map.entry("iam_role", IamRole.class),
            Map.entry("iam_user", IamUser.class),
            Map.entry("iam_access_key", IamAccessKey.class),
            Map.entry("iam_managed_policy", ManagedPolicy.class),
            Map.entry("iam_virtual_mfa_device", VirtualMfaDevice.class),
            Map.entry("elastic_ip", ElasticIp.class),
            Map.entry("network_interface", NetworkInterface.class),
            Map.entry("nat_gateway", NatGateway.class));

    private RecordCodec() {}

    /** A stored record as a map with its kind under {@code kind}. */
    static Map<String, Object> write(Object resource) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", kind(resource.getClass()));
        out.putAll(record((Record) resource));
        return out;
    }

    /**
     * A stored record of an expected type from a map written by {@link #write}.
     *
     * @throws IllegalArgumentException for an unknown kind, another type or a malformed record
     */
    static <T> T read(Map<String, Object> map, Class<T> expected) {
        Class<? extends Record> type = KINDS.get(String.valueOf(map.get("kind")));
        if (type == null || !expected.isAssignableFrom(type)) {
            throw new IllegalArgumentException("unknown " + expected.getSimpleName() + " kind " + map.get("kind"));
        }
        return expected.cast(value(type, map));
    }

    private static String kind(Class<?> type) {
        return KINDS.entrySet().stream()
                .filter(e -> e.getValue() == type)
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(type.getSimpleName() + " is not a stored kind"));
    }

    private static Map<String, Object> record(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                out.put(c.getName(), plain(c.getAccessor().invoke(r)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c, e);
            }
        }
        return out;
    }

    /**
     * A copy of a record with some components replaced.
     *
     * @param namesAndValues component name, new value, name, value, ... (values may be null)
     */
    @SuppressWarnings("unchecked")
    static <T extends Record> T with(T record, Object... namesAndValues) {
        Map<String, Object> map = record(record);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            String name = (String) namesAndValues[i];
            if (!map.containsKey(name)) {
                throw new IllegalArgumentException(record.getClass().getSimpleName() + " has no component " + name);
            }
            map.put(name, plain(namesAndValues[i + 1]));
        }
        return (T) value(record.getClass(), map);
    }

    private static Object plain(Object value) {
        if (value instanceof Record r) {
            return record(r);
        }
        if (value instanceof Instant i) {
            return i.toString();
        }
        if (value instanceof Map<?, ?> map) {
            return new LinkedHashMap<>(map);
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(plain(v)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Object value(Type type, Object plain) {
        if (plain == null) {
            if (type == int.class || type == long.class) {
                return type == int.class ? (Object) 0 : (Object) 0L;
            }
            if (type instanceof ParameterizedType p) {
                return p.getRawType() == List.class ? List.of() : Map.of();
            }
            return type == boolean.class ? false : null;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class) {
            Map<String, String> out = new LinkedHashMap<>();
            ((Map<String, Object>) plain).forEach((k, v) -> out.put(k, String.valueOf(v)));
            return out;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            List<Object> out = new ArrayList<>();
            for (Object o : (List<Object>) plain) {
                out.add(value(p.getActualTypeArguments()[0], o));
            }
            return out;
        }
        if (type == String.class) {
            return String.valueOf(plain);
        }
        if (type == boolean.class) {
            return Boolean.TRUE.equals(plain);
        }
        if (type == int.class || type == Integer.class) {
            return ((Number) plain).intValue();
        }
        if (type == long.class || type == Long.class) {
            return ((Number) plain).longValue();
        }
        if (type == Boolean.class) {
            return Boolean.TRUE.equals(plain);
        }
        if (type == Instant.class) {
            return Instant.parse(String.valueOf(plain));
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            Map<String, Object> map = (Map<String, Object>) plain;
            RecordComponent[] components = c.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = value(components[i].getGenericType(), map.get(components[i].getName()));
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = c.getDeclaredConstructor(types);
                return constructor.newInstance(args);
            } catch (InvocationTargetException e) {
                throw new IllegalArgumentException(
                        "malformed " + c.getSimpleName() + ": " + e.getCause().getMessage(), e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make a " + c.getSimpleName(), e);
            }
        }
        throw new IllegalArgumentException("cannot read a " + type.getTypeName() + " from the state");
    }
}
