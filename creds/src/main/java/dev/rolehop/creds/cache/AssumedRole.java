package dev.rolehop.creds.cache;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of an STS AssumeRole call, as the AWS CLI keeps it in its cache.
 *
 * @param accessKeyId the temporary access key id
 * @param secretAccessKey the temporary secret key
 * @param sessionToken the session token
 * @param expiration when the credentials expire
 * @param assumedRoleId {@code AssumedRoleUser.AssumedRoleId}, or {@code null} when unknown
 * @param assumedRoleArn {@code AssumedRoleUser.Arn}, or {@code null} when unknown
 * @param requestId the STS request id, or {@code null}
 * @param httpHeaders the response headers (lower-case names), as botocore records them
 */
public record AssumedRole(
        String accessKeyId,
        String secretAccessKey,
        String sessionToken,
        Instant expiration,
        String assumedRoleId,
        String assumedRoleArn,
        String requestId,
        Map<String, String> httpHeaders) {

    /** Validates the credentials and copies the headers, keeping their order. */
    public AssumedRole {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(sessionToken, "sessionToken");
        Objects.requireNonNull(expiration, "expiration");
        httpHeaders = httpHeaders == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(httpHeaders));
    }

    /**
     * The account of the session, from {@code AssumedRoleUser.Arn}
     * ({@code arn:aws:sts::111122223333:assumed-role/...}), as botocore derives it; {@code null}
     * when unknown.
     */
    public String accountId() {
        String[] parts = assumedRoleArn == null ? new String[0] : assumedRoleArn.split(":", 6);
        return parts.length == 6 && parts[4].matches("[0-9]{12}") ? parts[4] : null;
    }

    /** Never prints the secret key or the token. */
    @Override
    public String toString() {
        return "AssumedRole[accessKeyId=" + accessKeyId + ", expiration=" + expiration + ", arn=" + assumedRoleArn
                + "]";
    }
}
