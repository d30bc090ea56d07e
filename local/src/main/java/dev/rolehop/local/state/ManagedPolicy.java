package dev.rolehop.local.state;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A customer managed policy created through IAM, with its versions (at most five).
 *
 * @param path {@code /} or {@code /a/b/}
 * @param description null when none was given
 * @param defaultVersion the id of the version in force, e.g. {@code v2}
 * @param nextVersion the number the next version gets (IAM never reuses a version id)
 * @param versions the versions, oldest first
 */
public record ManagedPolicy(
        String accountId,
        String name,
        String path,
        String description,
        Instant createDate,
        Instant updateDate,
        String defaultVersion,
        int nextVersion,
        List<PolicyVersion> versions)
        implements IamEntity {

    public ManagedPolicy {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(createDate, "createDate");
        Objects.requireNonNull(updateDate, "updateDate");
        Objects.requireNonNull(defaultVersion, "defaultVersion");
        versions = List.copyOf(versions);
    }

    /** A version of a managed policy: its id, JSON text as given, and creation time. */
    public record PolicyVersion(String versionId, String document, Instant createDate) {

        public PolicyVersion {
            Objects.requireNonNull(versionId, "versionId");
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(createDate, "createDate");
        }
    }

    /** The key of the policy of this name in an account. */
    public static String key(String accountId, String name) {
        return accountId + ":policy/" + name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String key() {
        return key(accountId, name);
    }

    /** The policy's ARN, {@code arn:aws:iam::ACCOUNT:policy/PATH/NAME}. */
    public String arn() {
        return "arn:aws:iam::" + accountId + ":policy" + path + name;
    }

    /** The version in force. */
    public PolicyVersion defaultDocument() {
        return versions.stream()
                .filter(v -> v.versionId().equals(defaultVersion))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(arn() + " has no version " + defaultVersion));
    }

    /** This policy with other versions, the default one and the next version number. */
    public ManagedPolicy withVersions(List<PolicyVersion> newVersions, String newDefault, int newNext, Instant now) {
        return RecordCodec.with(
                this, "versions", newVersions, "defaultVersion", newDefault, "nextVersion", newNext, "updateDate", now);
    }
}
