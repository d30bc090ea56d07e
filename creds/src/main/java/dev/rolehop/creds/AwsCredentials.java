package dev.rolehop.creds;

import java.time.Instant;
import java.util.Objects;

/**
 * Resolved AWS credentials: an access key pair, an optional session token and expiry, and a
 * human description of where they came from.
 *
 * <p>{@link #toString()} never prints the secret access key or the session token.
 *
 * @param accessKeyId the access key id (not a secret; AWS prints it in its own errors)
 * @param secretAccessKey the secret access key
 * @param sessionToken the session token of temporary credentials, or {@code null}
 * @param expiration when temporary credentials expire, or {@code null} for long-term keys
 * @param source where the credentials came from, e.g. {@code "profile lab (assumed role ...)"}
 */
public record AwsCredentials(
        String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration, String source) {

    /** Validates that the key pair is present: a half key pair is never usable. */
    public AwsCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        Objects.requireNonNull(source, "source");
        if (sessionToken != null && sessionToken.isEmpty()) {
            sessionToken = null;
        }
    }

    /** Returns a copy with another source description. */
    public AwsCredentials withSource(String newSource) {
        return new AwsCredentials(accessKeyId, secretAccessKey, sessionToken, expiration, newSource);
    }

    /** Prints the key id, expiry and source; never the secret key or the session token. */
    @Override
    public String toString() {
        return "AwsCredentials[accessKeyId=" + accessKeyId + ", secretAccessKey=<redacted>"
                + ", sessionToken=" + (sessionToken == null ? "<none>" : "<redacted>")
                + ", expiration=" + expiration + ", source=" + source + "]";
    }
}
