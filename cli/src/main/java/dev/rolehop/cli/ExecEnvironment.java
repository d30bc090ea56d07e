package dev.rolehop.cli;

import dev.rolehop.creds.AwsCredentials;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment {@code rolehop exec} gives its command: the resolved credentials as the
 * standard variables, with the variables that would make the command pick other credentials
 * removed.
 */
final class ExecEnvironment {

    /**
     * Removed from the command's environment: a profile selection would make the AWS CLI resolve
     * (and prompt for) the profile itself, and stale keys or tokens would mix with the new ones.
     */
    static final List<String> CONFLICTING = List.of(
            "AWS_PROFILE",
            "AWS_DEFAULT_PROFILE",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN",
            "AWS_SECURITY_TOKEN",
            "AWS_CREDENTIAL_EXPIRATION",
            "AWS_ACCOUNT_ID",
            "ROLEHOP_MFA_TOKEN",
            // Web identity and container settings of the parent would compete with (or, for web
            // identity, come before) the credentials rolehop hands over.
            "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_ROLE_ARN",
            "AWS_ROLE_SESSION_NAME",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");

    private ExecEnvironment() {}

    /** The variables that carry {@code credentials} (and the region, when known), in a stable order. */
    static Map<String, String> variables(AwsCredentials credentials, String region) {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("AWS_ACCESS_KEY_ID", credentials.accessKeyId());
        variables.put("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey());
        if (credentials.sessionToken() != null) {
            variables.put("AWS_SESSION_TOKEN", credentials.sessionToken());
        }
        if (credentials.expiration() != null) {
            variables.put("AWS_CREDENTIAL_EXPIRATION", credentials.expiration().toString());
        }
        if (credentials.accountId() != null) {
            variables.put("AWS_ACCOUNT_ID", credentials.accountId());
        }
        putRegion(variables, region);
        return variables;
    }

    private static void putRegion(Map<String, String> variables, String region) {
        if (region != null) {
            variables.put("AWS_REGION", region);
            variables.put("AWS_DEFAULT_REGION", region);
        }
    }

    /**
     * Points a copy of {@code environment} at a credential server instead: the container
     * variables, no keys, so the command's SDK asks the server and gets fresh credentials as they
     * are refreshed.
     */
    static void applyServer(Map<String, String> environment, URI serverUri, String authorizationToken, String region) {
        CONFLICTING.forEach(environment::remove);
        environment.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", serverUri.toString());
        environment.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", authorizationToken);
        putRegion(environment, region);
    }

    /** Applies the credentials to a copy of {@code environment}. */
    static void apply(Map<String, String> environment, AwsCredentials credentials, String region) {
        CONFLICTING.forEach(environment::remove);
        environment.putAll(variables(credentials, region));
    }
}
