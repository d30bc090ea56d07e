package dev.rolehop.local.state;

import dev.rolehop.local.world.Ids;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Temporary credentials issued by STS, tracked so requests signed with them can be checked.
 *
 * @param principalName the role name ({@link SessionKind#ASSUMED_ROLE}) or the issuing user's name
 * @param sessionName the role session name, the federated user's name, or null for session tokens
 * @param mfaAuthTime when MFA was presented to obtain these (or the credentials they came from), or null
 * @param chained whether a role session issued these credentials (role chaining)
 * @param sessionPolicies the session policies that limit these credentials, or null when none do
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
        boolean chained,
        SessionPolicies sessionPolicies) {

    public TemporaryCredential {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(principalName, "principalName");
    }

    /**
     * New temporary credentials with a random key id ({@code ASIA...}), secret and session token,
     * expiring at {@code expiration} (to the second, as STS answers).
     */
    public static TemporaryCredential issue(
            SessionKind kind,
            String accountId,
            String principalName,
            String sessionName,
            Instant expiration,
            Instant mfaAuthTime,
            boolean chained) {
        return new TemporaryCredential(
                Ids.randomUpper("ASIA", 16),
                Ids.randomSecret(30),
                "IQoJb3JpZ2luX2VjE" + Ids.randomSecret(180),
                expiration.truncatedTo(ChronoUnit.SECONDS),
                kind,
                accountId,
                principalName,
                sessionName,
                mfaAuthTime,
                chained,
                null);
    }

    /** These credentials limited by session policies. */
    public TemporaryCredential restrictedTo(SessionPolicies policies) {
        return new TemporaryCredential(
                accessKeyId,
                secretAccessKey,
                sessionToken,
                expiration,
                kind,
                accountId,
                principalName,
                sessionName,
                mfaAuthTime,
                chained,
                policies);
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
