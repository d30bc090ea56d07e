package dev.rolehop.local.state;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A kind of EC2 resource kept in a {@link RegionState} table: its name in the state file and
 * journal, its record type and how to read its id. Every kind is listed in {@link #ALL}, so a
 * state file names only kinds this version can read.
 *
 * @param name the kind's name on disk, e.g. {@code key_pair}
 */
public record ResourceKind<T extends Record>(String name, Class<T> type, Function<T, String> id) {

    /** EC2 key pairs. */
    public static final ResourceKind<KeyPair> KEY_PAIR = new ResourceKind<>("key_pair", KeyPair.class, KeyPair::id);

    /** EC2 instances. */
    public static final ResourceKind<Instance> INSTANCE = new ResourceKind<>("instance", Instance.class, Instance::id);

    /** Every kind a state file may hold. */
    static final List<ResourceKind<?>> ALL = List.of(KEY_PAIR, INSTANCE);

    /**
     * The kind with this name on disk.
     *
     * @throws IllegalArgumentException for a kind this version does not know
     */
    static ResourceKind<?> named(String name) {
        return ALL.stream()
                .filter(k -> k.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown resource kind " + name));
    }

    /** A resource of this kind from its stored map. */
    T decode(Map<String, Object> stored) {
        return RecordCodec.decode(type, stored);
    }

    /** The stored map of a resource of this kind. */
    Map<String, Object> encode(Object resource) {
        return RecordCodec.encode(type.cast(resource));
    }
}
