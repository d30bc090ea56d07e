package dev.rolehop.local.state;

import java.util.List;
import java.util.Objects;

/** A security group of one account and region, with its rules (tags live in {@link RegionState}). */
public record SecurityGroup(
        String id, String name, String description, String vpcId, String ownerId, List<SecurityGroupRule> rules) {

    public SecurityGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(vpcId, "vpcId");
        Objects.requireNonNull(ownerId, "ownerId");
        rules = List.copyOf(rules);
    }

    /** This group with other rules. */
    public SecurityGroup withRules(List<SecurityGroupRule> newRules) {
        return new SecurityGroup(id, name, description, vpcId, ownerId, newRules);
    }
}
