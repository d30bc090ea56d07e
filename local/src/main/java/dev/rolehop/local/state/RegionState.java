package dev.rolehop.local.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The mutable EC2 state of one account in one region: security groups, resource tags and the
 * other stored resources ({@link Ec2Resource}: VPCs, subnets, gateways, route tables, ...).
 * Only {@link WorldState} hands it out, under its lock.
 *
 * <p>Inside a transaction ({@link #begin}) every change records how to undo it, so a request
 * that fails part-way, or whose state write fails, is {@link #rollback rolled back} and leaves
 * the region exactly as it was, orders included.
 */
public final class RegionState implements Transactional {

    private Map<String, SecurityGroup> groups = new LinkedHashMap<>();
    private Map<String, Map<String, String>> tags = new LinkedHashMap<>();
    private Map<String, Ec2Resource> resources = new LinkedHashMap<>();

    /** Undo actions of the open transaction, newest first; null outside a transaction. */
    private Deque<Runnable> undo;

    /** The open transaction's changes as journal operations, oldest first; null outside one. */
    private List<Map<String, Object>> redo;

    /** The groups, in creation order. */
    public List<SecurityGroup> groups() {
        return new ArrayList<>(groups.values());
    }

    /** The number of groups. */
    public int groupCount() {
        return groups.size();
    }

    /** The group with this id. */
    public Optional<SecurityGroup> group(String id) {
        return Optional.ofNullable(groups.get(id));
    }

    /** Adds or replaces a group. */
    public void put(SecurityGroup group) {
        SecurityGroup old = groups.put(group.id(), group);
        journal(() -> Map.of("op", "put_group", "group", StateCodec.group(group)));
        record(() -> {
            if (old == null) {
                groups.remove(group.id());
            } else {
                groups.put(old.id(), old);
            }
        });
    }

    /** Removes a group and its tags. */
    public void remove(String groupId) {
        if (undo != null) {
            // Re-inserting would move the group to the end: restore the maps as they were.
            Map<String, SecurityGroup> groupsBefore = new LinkedHashMap<>(groups);
            Map<String, Map<String, String>> tagsBefore = tags;
            tags = new LinkedHashMap<>(tags);
            record(() -> {
                groups = groupsBefore;
                tags = tagsBefore;
            });
        }
        groups.remove(groupId);
        tags.remove(groupId);
        journal(() -> Map.of("op", "remove_group", "id", groupId));
    }

    /** The stored resources of a type (VPCs, subnets, ...), in creation order. */
    public <T extends Ec2Resource> List<T> resources(Class<T> type) {
        return resources.values().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    /** The stored resource of a type with this id. */
    public <T extends Ec2Resource> Optional<T> resource(Class<T> type, String id) {
        return Optional.ofNullable(resources.get(id)).filter(type::isInstance).map(type::cast);
    }

    /** Adds a resource, or replaces the one with its id (which keeps its place). */
    public void putResource(Ec2Resource resource) {
        Ec2Resource old = resources.put(resource.id(), resource);
        journal(() -> Map.of("op", "put_resource", "resource", RecordCodec.write(resource)));
        record(() -> {
            if (old == null) {
                resources.remove(resource.id());
            } else {
                resources.put(old.id(), old);
            }
        });
    }

    /** Removes a resource and its tags. */
    public void removeResource(String id) {
        if (undo != null) {
            // Re-inserting would move the resource to the end: restore the maps as they were.
            Map<String, Ec2Resource> resourcesBefore = new LinkedHashMap<>(resources);
            Map<String, Map<String, String>> tagsBefore = tags;
            tags = new LinkedHashMap<>(tags);
            record(() -> {
                resources = resourcesBefore;
                tags = tagsBefore;
            });
        }
        resources.remove(id);
        tags.remove(id);
        journal(() -> Map.of("op", "remove_resource", "id", id));
    }

    /** Every stored resource, in creation order (for the snapshot). */
    List<Ec2Resource> allResources() {
        return new ArrayList<>(resources.values());
    }

    /** The tags of a resource (a copy, in insertion order). */
    public Map<String, String> tags(String resourceId) {
        return new LinkedHashMap<>(tags.getOrDefault(resourceId, Map.of()));
    }

    /** Every tagged resource id with its tags. */
    public Map<String, Map<String, String>> allTags() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        tags.forEach((id, t) -> out.put(id, new LinkedHashMap<>(t)));
        return out;
    }

    /** Sets one tag of a resource. */
    public void tag(String resourceId, String key, String value) {
        Map<String, String> t = tags.get(resourceId);
        if (t == null) {
            t = new LinkedHashMap<>();
            tags.put(resourceId, t);
            record(() -> tags.remove(resourceId));
        }
        Map<String, String> resource = t;
        String old = resource.put(key, value);
        journal(() -> Map.of("op", "tag", "id", resourceId, "key", key, "value", value));
        record(() -> {
            if (old == null) {
                resource.remove(key);
            } else {
                resource.put(key, old);
            }
        });
    }

    /** Removes one tag of a resource. */
    public void untag(String resourceId, String key) {
        Map<String, String> t = tags.get(resourceId);
        if (t == null || !t.containsKey(key)) {
            return;
        }
        if (undo != null) {
            // Keys and resources keep their order: restore the resource's tags and the map as they were.
            Map<String, String> before = new LinkedHashMap<>(t);
            Map<String, Map<String, String>> tagsBefore = new LinkedHashMap<>(tags);
            record(() -> {
                t.clear();
                t.putAll(before);
                tags = tagsBefore;
            });
        }
        t.remove(key);
        if (t.isEmpty()) {
            tags.remove(resourceId);
        }
        journal(() -> Map.of("op", "untag", "id", resourceId, "key", key));
    }

    /**
     * Applies a journal operation written by {@link #changes} (a replay at start).
     *
     * @throws IllegalArgumentException for an operation this version does not know
     */
    @SuppressWarnings("unchecked")
    void apply(Map<String, Object> op) {
        switch (String.valueOf(op.get("op"))) {
            case "put_group" -> put(StateCodec.group((Map<String, Object>) op.get("group")));
            case "remove_group" -> remove((String) op.get("id"));
            case "tag" -> tag((String) op.get("id"), (String) op.get("key"), String.valueOf(op.get("value")));
            case "untag" -> untag((String) op.get("id"), (String) op.get("key"));
            case "put_resource" ->
                putResource(RecordCodec.read((Map<String, Object>) op.get("resource"), Ec2Resource.class));
            case "remove_resource" -> removeResource((String) op.get("id"));
            default -> throw new IllegalArgumentException("unknown journal operation " + op.get("op"));
        }
    }

    @Override
    public List<Map<String, Object>> changes() {
        return redo == null ? List.of() : redo;
    }

    @Override
    public void begin() {
        undo = new ArrayDeque<>();
        redo = new ArrayList<>();
    }

    @Override
    public void commit() {
        undo = null;
        redo = null;
    }

    /** Undoes every change since {@link #begin}, newest first. */
    @Override
    public void rollback() {
        if (undo != null) {
            Deque<Runnable> actions = undo;
            undo = null;
            redo = null;
            actions.forEach(Runnable::run);
        }
    }

    private void journal(Supplier<Map<String, Object>> op) {
        if (redo != null) {
            redo.add(op.get());
        }
    }

    private void record(Runnable action) {
        if (undo != null) {
            undo.push(action);
        }
    }
}
