package dev.rolehop.creds.chain;

import dev.rolehop.creds.ChainStep;
import dev.rolehop.creds.sso.SsoConfig;
import java.util.Map;
import java.util.Objects;

/** Where the first credentials of a chain come from, before any role is assumed. */
public sealed interface CredentialSource {

    /** The profile that names this source. */
    String profile();

    /** The source as an explain step (never a secret). */
    ChainStep step();

    /**
     * An access key pair (and optional session token) written in a profile, with its
     * {@code aws_account_id} ({@code null} when unset).
     */
    record StaticKeys(String profile, String accessKeyId, String secretAccessKey, String sessionToken, String accountId)
            implements CredentialSource {
        public StaticKeys {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        }

        @Override
        public ChainStep step() {
            return new ChainStep.AccessKey(accessKeyId, accountId);
        }

        /** Never prints the secret key or the token. */
        @Override
        public String toString() {
            return "StaticKeys[profile=" + profile + ", accessKeyId=" + accessKeyId
                    + (accountId == null ? "" : ", accountId=" + accountId) + "]";
        }
    }

    /**
     * A role assumed with an OIDC token read from a file (STS AssumeRoleWithWebIdentity, unsigned):
     * {@code role_arn} + {@code web_identity_token_file} (+ {@code role_session_name}) of a profile, or
     * AWS_ROLE_ARN + AWS_WEB_IDENTITY_TOKEN_FILE (+ AWS_ROLE_SESSION_NAME) of the environment.
     *
     * @param profile the profile, or {@code "environment"} for the variables
     * @param roleSessionName the configured session name, or {@code null}
     */
    record WebIdentity(String profile, String roleArn, String tokenFile, String roleSessionName)
            implements CredentialSource {
        public WebIdentity {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(roleArn, "roleArn");
            Objects.requireNonNull(tokenFile, "tokenFile");
        }

        @Override
        public ChainStep step() {
            return new ChainStep.WebIdentityToken(roleArn, tokenFile, roleSessionName);
        }

        /**
         * botocore's cache key of the role: its AssumeRoleWithWebIdentity arguments without the token,
         * {@code RoleArn} and the configured {@code RoleSessionName} (the AssumeRole key's form).
         */
        public String cacheKey() {
            java.util.Map<String, Object> args = new java.util.LinkedHashMap<>();
            args.put("RoleArn", roleArn);
            if (roleSessionName != null) {
                args.put("RoleSessionName", roleSessionName);
            }
            return dev.rolehop.creds.cache.CacheKey.of(args);
        }
    }

    /**
     * Role credentials from IAM Identity Center: {@code sso_account_id} + {@code sso_role_name} with
     * an {@code sso_session} (or legacy {@code sso_start_url} + {@code sso_region}).
     */
    record Sso(String profile, SsoConfig config, String accountId, String roleName) implements CredentialSource {
        public Sso {
            Objects.requireNonNull(profile, "profile");
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(roleName, "roleName");
        }

        @Override
        public ChainStep step() {
            return new ChainStep.Sso(config.sessionName(), config.startUrl(), config.region(), accountId, roleName);
        }

        /**
         * botocore's cache key of the role credentials ({@code SSOCredentialFetcher}): the SHA-1 of the
         * compact, sorted JSON of {@code roleName}, {@code accountId} and {@code sessionName} (the
         * sso-session's name), or {@code startUrl} for a legacy profile.
         */
        public String cacheKey() {
            java.util.Map<String, Object> args = new java.util.LinkedHashMap<>();
            args.put("roleName", roleName);
            args.put("accountId", accountId);
            if (config.sessionName() != null) {
                args.put("sessionName", config.sessionName());
            } else {
                args.put("startUrl", config.startUrl());
            }
            return dev.rolehop.creds.cache.CacheKey.ofCompact(args);
        }
    }

    /** {@code credential_source = Environment}: the AWS_ACCESS_KEY_ID... variables. */
    record Environment(String profile) implements CredentialSource {
        @Override
        public ChainStep step() {
            return new ChainStep.NamedSource("Environment");
        }
    }

    /** {@code credential_source = EcsContainer}: the container credential endpoint of AWS_CONTAINER_*. */
    record Container(String profile) implements CredentialSource {
        @Override
        public ChainStep step() {
            return new ChainStep.NamedSource("EcsContainer");
        }
    }

    /**
     * {@code credential_source = Ec2InstanceMetadata}: the instance metadata service (IMDSv2), with
     * the profile's own {@code ec2_metadata_service_*} and {@code metadata_service_*} settings.
     */
    record InstanceMetadata(String profile, Map<String, String> settings) implements CredentialSource {
        public InstanceMetadata {
            settings = Map.copyOf(settings);
        }

        @Override
        public ChainStep step() {
            return new ChainStep.NamedSource("Ec2InstanceMetadata");
        }
    }

    /**
     * {@code credential_process}: a command printing credentials as JSON, with the profile's
     * {@code aws_account_id} ({@code null} when unset) for output without {@code AccountId}.
     */
    record Process(String profile, String command, String accountId) implements CredentialSource {
        /** A command in a profile without {@code aws_account_id}. */
        public Process(String profile, String command) {
            this(profile, command, null);
        }

        @Override
        public ChainStep step() {
            return new ChainStep.CredentialProcess(command);
        }
    }
}
