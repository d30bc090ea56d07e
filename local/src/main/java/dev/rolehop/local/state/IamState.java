package dev.rolehop.local.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The IAM entities created through the API, in every account, by key ({@link IamEntity#key}), in
 * creation order. Only {@link WorldState} hands it out, under its lock.
 *
 * <p>A transaction keeps a copy of the entities as they were (IAM holds few), so a rollback
 * restores them exactly, orders included.
 */
public final class IamState implements Transactional {

    private Map<String, IamEntity> entities = new LinkedHashMap<>();

    /** The entities as they were when the open transaction began; null outside one. */
    private Map<String, IamEntity> before;

    /** The open transaction's changes as journal operations, oldest first; null outside one. */
    private List<Map<String, Object>> redo;

    /** The entities of a type in an account, in creation order. */
    public <T extends IamEntity> List<T> all(Class<T> type, String accountId) {
        return entities.values().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(e -> e.accountId().equals(accountId))
                .toList();
    }

    /** The entity of a type with this key. */
    public <T extends IamEntity> Optional<T> get(Class<T> type, String key) {
        return Optional.ofNullable(entities.get(key)).filter(type::isInstance).map(type::cast);
    }

    /** Adds an entity, or replaces the one with its key (which keeps its place). */
    public void put(IamEntity entity) {
        entities.put(entity.key(), entity);
        if (redo != null) {
            redo.add(Map.of("op", "iam_put", "entity", RecordCodec.write(entity)));
        }
    }

    /** Removes the entity with this key, if any. */
    public void remove(String key) {
        if (entities.remove(key) != null && redo != null) {
            redo.add(Map.of("op", "iam_remove", "key", key));
        }
    }

    /** Every entity, in creation order (for the snapshot). */
    List<IamEntity> all() {
        return new ArrayList<>(entities.values());
    }

    /**
     * Applies a journal operation written by {@link #changes} (a replay at start).
     *
     * @throws IllegalArgumentException for an operation this version does not know
     */
    @SuppressWarnings("unchecked")
    void apply(Map<String, Object> op) {
        switch (String.valueOf(op.get("op"))) {
            case "iam_put" -> put(RecordCodec.read((Map<String, Object>) op.get("entity"), IamEntity.class));
            case "iam_remove" -> remove((String) op.get("key"));
            default -> throw new IllegalArgumentException("unknown journal operation " + op.get("op"));
        }
    }

    @Override
    public List<Map<String, Object>> changes() {
        return redo == null ? List.of() : redo;
    }

    @Override
    public void begin() {
        before = new LinkedHashMap<>(entities);
        redo = new ArrayList<>();
    }

    @Override
    public void commit() {
        before = null;
        redo = null;
    }

    @Override
    public void rollback() {
        if (before != null) {
            entities = before;
            before = null;
            redo = null;
        }
    }
}
