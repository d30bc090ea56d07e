package dev.rolehop.local.state;

import java.time.Instant;
import java.util.Objects;

/**
 * A long-term access key created through IAM for a created user; only an active key signs.
 *
 * @param userName the owner's name (a user of {@link #accountId})
 */
public record IamAccessKey(
        String id, String secret, String accountId, String userName, boolean active, Instant createDate)
        implements IamEntity {

    public IamAccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(createDate, "createDate");
    }

    /** The key of the access key with this id. */
    public static String key(String id) {
        return "access-key/" + id;
    }

    @Override
    public String key() {
        return key(id);
    }

    /** This key, active or inactive. */
    public IamAccessKey withActive(boolean newActive) {
        return RecordCodec.with(this, "active", newActive);
    }

    /** AWS's name for the key's status. */
    public String status() {
        return active ? "Active" : "Inactive";
    }

    @Override
    public String toString() {
        return "IamAccessKey[id=" + id + ", secret=<redacted>, user=" + userName + "]";
    }
}
