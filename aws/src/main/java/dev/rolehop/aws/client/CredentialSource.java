package dev.rolehop.aws.client;

import java.util.Objects;

/**
 * Where a task's AWS credentials come from: keys given explicitly (module arguments or the
 * {@code AWS_ACCESS_KEY_ID} family of environment variables), or a profile resolved by the
 * {@code creds} module (a named one, or the default chain when the name is {@code null}).
 */
public sealed interface CredentialSource permits CredentialSource.StaticKeys, CredentialSource.NamedProfile {

    /**
     * Explicit keys. Equality covers the secret so that clients are only shared by tasks using
     * the very same keys; {@link #toString()} never shows it. (equals and hashCode are spelled out
     * for start-up's sake, see AwsClients.)
     */
    record StaticKeys(String accessKeyId, String secretAccessKey, String sessionToken) implements CredentialSource {
        @Override
        public boolean equals(Object other) {
            return other instanceof StaticKeys keys
                    && Objects.equals(accessKeyId, keys.accessKeyId)
                    && Objects.equals(secretAccessKey, keys.secretAccessKey)
                    && Objects.equals(sessionToken, keys.sessionToken);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accessKeyId, secretAccessKey, sessionToken);
        }

        @Override
        public String toString() {
            return "StaticKeys[accessKeyId=" + accessKeyId + ", secretAccessKey=****"
                    + (sessionToken == null ? "" : ", sessionToken=****") + "]";
        }
    }

    /** A profile of the AWS config files, or the default chain when {@code name} is {@code null}. */
    record NamedProfile(String name) implements CredentialSource {
        @Override
        public boolean equals(Object other) {
            return other instanceof NamedProfile profile && Objects.equals(name, profile.name);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(name);
        }
    }
}
