package dev.rolehop.creds;

import dev.rolehop.python.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a profile's resolved credential chain, as printed by {@code rolehop profiles
 * --explain}: where the first credentials come from, then each role assumed with them. Never
 * holds a secret.
 */
public sealed interface ChainStep {

    /** The step as a one-key JSON object, e.g. {@code {"NamedSource": "Environment"}}. */
    Map<String, Object> toJsonValue();

    /** The step as JSON text. */
    default String toJson() {
        return Json.dumps(toJsonValue());
    }

    /**
     * Long-term (or session) keys read from a profile, with the profile's {@code aws_account_id}
     * ({@code null} when unset; the JSON then leaves {@code account_id} out, as the SDKs' test data
     * has no such field).
     */
    record AccessKey(String accessKeyId, String accountId) implements ChainStep {
        public AccessKey {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
        }

        /** Keys without an account id. */
        public AccessKey(String accessKeyId) {
            this(accessKeyId, null);
        }

        @Override
        public Map<String, Object> toJsonValue() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("access_key_id", accessKeyId);
            if (accountId != null) {
                fields.put("account_id", accountId);
            }
            return Map.of("AccessKey", fields);
        }
    }

    /** A named source outside the files; rolehop knows {@code Environment}. */
    record NamedSource(String name) implements ChainStep {
        public NamedSource {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Map<String, Object> toJsonValue() {
            return Map.of("NamedSource", name);
        }
    }

    /** A role assumed with the credentials of the step before. */
    record AssumeRole(
            String roleArn, String externalId, String roleSessionName, String mfaSerial, Integer durationSeconds)
            implements ChainStep {
        public AssumeRole {
            Objects.requireNonNull(roleArn, "roleArn");
        }

        @Override
        public Map<String, Object> toJsonValue() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("role_arn", roleArn);
            fields.put("external_id", externalId);
            fields.put("role_session_name", roleSessionName);
            fields.put("mfa_serial", mfaSerial);
            fields.put("duration_seconds", durationSeconds);
            return Map.of("AssumeRole", fields);
        }
    }

    /**
     * An MFA session (STS GetSessionToken with an MFA code) made with the step before's keys, because
     * the user's profile sets {@code mfa_serial}; rolehop's, not the AWS CLI's.
     */
    record GetSessionToken(String mfaSerial, Integer durationSeconds) implements ChainStep {
        public GetSessionToken {
            Objects.requireNonNull(mfaSerial, "mfaSerial");
        }

        @Override
        public Map<String, Object> toJsonValue() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("mfa_serial", mfaSerial);
            fields.put("duration_seconds", durationSeconds);
            return Map.of("GetSessionToken", fields);
        }
    }

    /** A role assumed with a web identity (OIDC) token file, as the SDKs' test data names it. */
    record WebIdentityToken(String roleArn, String webIdentityTokenFile, String roleSessionName) implements ChainStep {
        public WebIdentityToken {
            Objects.requireNonNull(roleArn, "roleArn");
            Objects.requireNonNull(webIdentityTokenFile, "webIdentityTokenFile");
        }

        @Override
        public Map<String, Object> toJsonValue() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("role_arn", roleArn);
            fields.put("web_identity_token_file", webIdentityTokenFile);
            fields.put("role_session_name", roleSessionName);
            return Map.of("WebIdentityToken", fields);
        }
    }

    /** Role credentials from IAM Identity Center (GetRoleCredentials with the sign-in's token). */
    record Sso(String ssoSession, String ssoStartUrl, String ssoRegion, String ssoAccountId, String ssoRoleName)
            implements ChainStep {
        public Sso {
            Objects.requireNonNull(ssoStartUrl, "ssoStartUrl");
            Objects.requireNonNull(ssoRegion, "ssoRegion");
            Objects.requireNonNull(ssoAccountId, "ssoAccountId");
            Objects.requireNonNull(ssoRoleName, "ssoRoleName");
        }

        @Override
        public Map<String, Object> toJsonValue() {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("sso_session", ssoSession);
            fields.put("sso_start_url", ssoStartUrl);
            fields.put("sso_region", ssoRegion);
            fields.put("sso_account_id", ssoAccountId);
            fields.put("sso_role_name", ssoRoleName);
            return Map.of("Sso", fields);
        }
    }

    /** A {@code credential_process} command. */
    record CredentialProcess(String command) implements ChainStep {
        public CredentialProcess {
            Objects.requireNonNull(command, "command");
        }

        @Override
        public Map<String, Object> toJsonValue() {
            return Map.of("CredentialProcess", command);
        }
    }

    /** Where the chain cannot be resolved, with the reason. */
    record Error(String message) implements ChainStep {
        public Error {
            Objects.requireNonNull(message, "message");
        }

        @Override
        public Map<String, Object> toJsonValue() {
            return Map.of("Error", message);
        }
    }
}
