package dev.rolehop.creds.chain;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.cache.Timestamps;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials from the environment: {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
 * optionally {@code AWS_SESSION_TOKEN} (or the older {@code AWS_SECURITY_TOKEN}) and
 * {@code AWS_CREDENTIAL_EXPIRATION} and {@code AWS_ACCOUNT_ID}.
 */
public final class EnvironmentCredentials {

    private EnvironmentCredentials() {}

    /**
     * The credentials, when both keys are set.
     *
     * @throws CredentialException when only one of the two keys is set
     */
    public static Optional<AwsCredentials> read(Map<String, String> environment) {
        String keyId = nonEmpty(environment.get("AWS_ACCESS_KEY_ID"));
        String secret = nonEmpty(environment.get("AWS_SECRET_ACCESS_KEY"));
        if (keyId == null && secret == null) {
            return Optional.empty();
        }
        if (keyId == null || secret == null) {
            throw new CredentialException(
                    "environment: " + (keyId == null ? "AWS_SECRET_ACCESS_KEY" : "AWS_ACCESS_KEY_ID")
                            + " is set but " + (keyId == null ? "AWS_ACCESS_KEY_ID" : "AWS_SECRET_ACCESS_KEY")
                            + " is not; set both or neither");
        }
        String token = nonEmpty(environment.get("AWS_SESSION_TOKEN"));
        if (token == null) {
            token = nonEmpty(environment.get("AWS_SECURITY_TOKEN"));
        }
        return Optional.of(new AwsCredentials(
                keyId,
                secret,
                token,
                Timestamps.parse(environment.get("AWS_CREDENTIAL_EXPIRATION")).orElse(null),
                "environment variables",
                nonEmpty(environment.get("AWS_ACCOUNT_ID"))));
    }

    /**
     * The web identity of the environment: AWS_WEB_IDENTITY_TOKEN_FILE with AWS_ROLE_ARN (and
     * AWS_ROLE_SESSION_NAME), as botocore reads them when no profile is named. AWS_ROLE_ARN alone is
     * not one (other tools set it).
     *
     * @throws CredentialException when the token file is set without AWS_ROLE_ARN
     */
    public static Optional<CredentialSource.WebIdentity> webIdentity(Map<String, String> environment) {
        String tokenFile = nonEmpty(environment.get("AWS_WEB_IDENTITY_TOKEN_FILE"));
        if (tokenFile == null) {
            return Optional.empty();
        }
        String roleArn = nonEmpty(environment.get("AWS_ROLE_ARN"));
        if (roleArn == null) {
            throw new CredentialException("environment: AWS_WEB_IDENTITY_TOKEN_FILE is set but AWS_ROLE_ARN is not;"
                    + " set AWS_ROLE_ARN to the role to assume with the token, or unset the token file");
        }
        return Optional.of(new CredentialSource.WebIdentity(
                "environment", roleArn, tokenFile, nonEmpty(environment.get("AWS_ROLE_SESSION_NAME"))));
    }

    private static String nonEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
