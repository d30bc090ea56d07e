package dev.rolehop.local.world;

import java.util.Map;
import java.util.Objects;

/** An EC2 instance seeded by the world file (instances are read-only in rolehop local). */
public record SeedInstance(
        String id,
        String region,
        String instanceType,
        String state,
        String imageId,
        String privateIp,
        Map<String, String> tags) {

    public SeedInstance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(region, "region");
        tags = Map.copyOf(tags);
    }
}
