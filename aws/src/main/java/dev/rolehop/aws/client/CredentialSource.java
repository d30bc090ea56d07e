package dev.rolehop.aws.client;

/**
 * Where a task's AWS credentials come from: keys given explicitly (module arguments or the
 * {@code AWS_ACCESS_KEY_ID} family of environment variables), or a profile resolved by the
 * {@code creds} module (a named one, or the default chain when the name is {@code null}).
 */
public sealed interface CredentialSource permits CredentialSource.StaticKeys, CredentialSource.NamedProfile {

    /**
     * Explicit keys. Equality covers the secret so that clients are only shared by tasks using
     * the very same keys; {@link #toString()} never shows it.
     */
    record StaticKeys(String accessKeyId, String secretAccessKey, String sessionToken) implements CredentialSource {
        @Override
        public String toString() {
            return "StaticKeys[accessKeyId=" + accessKeyId + ", secretAccessKey=****"
                    + (sessionToken == null ? "" : ", sessionToken=****") + "]";
        }
    }

    /** A profile of the AWS config files, or the default chain when {@code name} is {@code null}. */
    record NamedProfile(String name) implements CredentialSource {
    }
}
