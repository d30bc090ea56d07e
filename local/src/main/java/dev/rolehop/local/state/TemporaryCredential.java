package dev.rolehop.local.state;

import java.time.Instant;
import java.util.Objects;

/**
 * Temporary credentials issued by STS, tracked so requests signed with them can be checked.
 *
 * @param principalName the role name ({@link SessionKind#ASSUMED_ROLE}) or user name
 * @param sessionName the role session name, or null for session tokens
 * @param mfaAuthTime when MFA was presented to obtain these (or the credentials they came from), or null
 * @param chained whether a role session issued these credentials (role chaining)
 */
public record TemporaryCredential(
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        Instant expiration,
        SessionKind kind,
        String accountId,
        String principalName,
        String sessionName,
        Instant mfaAuthTime,
        boolean chained) {

    public TemporaryCredential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(principalName, "principalName");
    }

    /** Whether MFA was presented when these credentials (or their source) were obtained. */
    public boolean mfaPresent() {
        return mfaAuthTime != null;
    }

    @Override
    public String toString() {
        return "TemporaryCredential[" + accessKeyId + ", " + kind + " " + accountId + "/" + principalName + ", expires "
                + expiration + ", secret=<redacted>, token=<redacted>]";
    }
}
