package dev.rolehop.local.world;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An AMI of the world file, offered in some regions: its owner ({@code amazon}'s images carry
 * the owner alias {@code amazon}), who may launch it, and its root volume.
 *
 * @param ownerAlias {@code amazon} or null
 * @param launchPermissions account ids that may launch a private image besides its owner
 */
public record SeedImage(
        String id,
        String name,
        String ownerId,
        String ownerAlias,
        String description,
        String architecture,
        String state,
        String creationDate,
        boolean isPublic,
        List<String> regions,
        String platform,
        String rootDeviceName,
        int rootVolumeSize,
        String rootVolumeType,
        List<String> launchPermissions,
        Map<String, String> tags) {

    /** The owner id of the images AWS publishes under the alias {@code amazon}. */
    public static final String AMAZON_OWNER_ID = "137112412989";

    public SeedImage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(ownerId, "ownerId");
        regions = List.copyOf(regions);
        launchPermissions = List.copyOf(launchPermissions);
        tags = Map.copyOf(tags);
    }

    /** The snapshot behind the root volume (derived from the image id, stable). */
    public String rootSnapshotId() {
        return Ids.stableHex("snap-", id);
    }

    /** Whether an account may launch (and see, as an executable user) this image. */
    public boolean launchableBy(String accountId) {
        return isPublic || ownerId.equals(accountId) || launchPermissions.contains(accountId);
    }
}
