package dev.rolehop.local.world;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An AWS account of the world: id, alias, regions with a default VPC, users, roles, instances. */
public record Account(
        String id,
        String alias,
        List<String> regions,
        List<User> users,
        List<Role> roles,
        List<SeedInstance> instances) {

    public Account {
        Objects.requireNonNull(id, "id");
        regions = List.copyOf(regions);
        users = List.copyOf(users);
        roles = List.copyOf(roles);
        instances = List.copyOf(instances);
    }

    /** The user of this name, if any. */
    public Optional<User> user(String name) {
        return users.stream().filter(u -> u.name().equals(name)).findFirst();
    }

    /** The role of this name, if any. */
    public Optional<Role> role(String name) {
        return roles.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The account root ARN, {@code arn:aws:iam::ACCOUNT:root}. */
    public String rootArn() {
        return "arn:aws:iam::" + id + ":root";
    }
}
