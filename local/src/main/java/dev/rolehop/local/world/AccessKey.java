package dev.rolehop.local.world;

import java.util.Objects;

/** A long-term IAM access key of a user in the world file. */
public record AccessKey(String id, String secret) {

    public AccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "AccessKey[id=" + id + ", secret=<redacted>]";
    }
}
