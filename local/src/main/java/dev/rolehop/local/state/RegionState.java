package dev.rolehop.local.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mutable EC2 state of one account in one region: security groups and resource tags.
 * Only {@link WorldState} hands it out, under its lock.
 */
public final class RegionState {

    private final Map<String, SecurityGroup> groups = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> tags = new LinkedHashMap<>();

    /** The groups, in creation order. */
    public List<SecurityGroup> groups() {
        return new ArrayList<>(groups.values());
    }

    /** The group with this id. */
    public Optional<SecurityGroup> group(String id) {
        return Optional.ofNullable(groups.get(id));
    }

    /** Adds or replaces a group. */
    public void put(SecurityGroup group) {
        groups.put(group.id(), group);
    }

    /** Removes a group and its tags. */
    public void remove(String groupId) {
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
        tags.computeIfAbsent(resourceId, x -> new LinkedHashMap<>()).put(key, value);
    }

    /** Removes one tag of a resource. */
    public void untag(String resourceId, String key) {
        Map<String, String> t = tags.get(resourceId);
        if (t != null) {
            t.remove(key);
            if (t.isEmpty()) {
                tags.remove(resourceId);
            }
        }
    }
}
