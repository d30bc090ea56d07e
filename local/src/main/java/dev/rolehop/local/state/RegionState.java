package dev.rolehop.local.state;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mutable EC2 state of one account in one region: security groups and resource tags.
 * Only {@link WorldState} hands it out, under its lock.
 *
 * <p>Inside a transaction ({@link #begin}) every change records how to undo it, so a request
 * that fails part-way, or whose state write fails, is {@link #rollback rolled back} and leaves
 * the region exactly as it was, orders included.
 */
public final class RegionState {

    private Map<String, SecurityGroup> groups = new LinkedHashMap<>();
    private Map<String, Map<String, String>> tags = new LinkedHashMap<>();

    /** Undo actions of the open transaction, newest first; null outside a transaction. */
    private Deque<Runnable> undo;

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
    }

    /** Starts recording changes so they can be rolled back. */
    void begin() {
        undo = new ArrayDeque<>();
    }

    /** Keeps the changes since {@link #begin}. */
    void commit() {
        undo = null;
    }

    /** Undoes every change since {@link #begin}, newest first. */
    void rollback() {
        if (undo != null) {
            Deque<Runnable> actions = undo;
            undo = null;
            actions.forEach(Runnable::run);
        }
    }

    private void record(Runnable action) {
        if (undo != null) {
            undo.push(action);
        }
    }
}
