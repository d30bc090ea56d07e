package dev.rolehop.creds;

import java.time.Instant;
import java.util.Objects;

/**
 * Resolved AWS credentials: an access key pair, an optional session token and expiry, the account
 * they belong to when known, and a human description of where they came from.
 *
 * <p>{@link #toString()} never prints the secret access key or the session token.
 *
 * @param accessKeyId the access key id (not a secret; AWS prints it in its own errors)
 * @param secretAccessKey the secret access key
 * @param sessionToken the session token of temporary credentials, or {@code null}
 * @param expiration when temporary credentials expire, or {@code null} for long-term keys
 * @param source where the credentials came from, e.g. {@code "profile lab (assumed role ...)"}
 * @param accountId the AWS account the credentials belong to, or {@code null} when unknown: the
 *     profile's {@code aws_account_id}, {@code AWS_ACCOUNT_ID}, a {@code credential_process}'s
 *     {@code AccountId}, or the account of an assumed role (as botocore attaches it)
 */
public record AwsCredentials(
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        Instant expiration,
        String source,
        String accountId) {

    /** Validates that the key pair is present: a half key pair is never usable. */
    public AwsCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(source, "source");
        if (sessionToken != null && sessionToken.isEmpty()) {
            sessionToken = null;
        }
        if (accountId != null && accountId.isBlank()) {
            accountId = null;
        }
    }

    /** Credentials whose account is not known. */
    public AwsCredentials(
            String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration, String source) {
        this(accessKeyId, secretAccessKey, sessionToken, expiration, source, null);
    }

    /** Returns a copy with another source description. */
    public AwsCredentials withSource(String newSource) {
        return new AwsCredentials(accessKeyId, secretAccessKey, sessionToken, expiration, newSource, accountId);
    }

    /** Returns a copy with another account id ({@code null}: unknown). */
    public AwsCredentials withAccountId(String newAccountId) {
        return new AwsCredentials(accessKeyId, secretAccessKey, sessionToken, expiration, source, newAccountId);
    }

    /** Prints the key id, expiry and source; never the secret key or the session token. */
    @Override
    public String toString() {
        return "AwsCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>"
                + ", sessionToken=" + (sessionToken == null ? "<none>" : "<redacted>")
                + ", expiration=" + expiration + ", source=" + source
                + (accountId == null ? "" : ", accountId=" + accountId) + "]";
    }
}
