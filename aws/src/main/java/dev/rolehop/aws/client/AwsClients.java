package dev.rolehop.aws.client;

import dev.rolehop.creds.http.SdkEndpoints;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients of one run, built lazily and shared by every task with the same service,
 * region, endpoint, credentials and TLS settings — so a playbook of twenty tasks on one account
 * builds one EC2 client and resolves (and, for MFA, asks for) credentials once.
 */
public final class AwsClients {

    /** Attempts per call, first included (see {@link RetryRules}). */
    static final int DEFAULT_MAX_ATTEMPTS = 5;
    /** The region of global services (STS, IAM) when none is configured, as botocore's aws-global endpoint. */
    static final String GLOBAL_REGION = "us-east-1";

    /*
     * The cache keys below (and CredentialSource's, HttpClients.Settings) spell out equals and
     * hashCode: a record's generated ones are linked by an invokedynamic bootstrap on first use,
     * 12-18 ms of a short run's critical path for the first key hashed (measured in a seed re-run).
     */

    private record ClientKey(
            String service,
            String region,
            URI endpoint,
            ProviderKey credentials,
            boolean validateCerts,
            java.nio.file.Path caBundle,
            Map<String, Object> config) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ClientKey key && Arrays.equals(components(), key.components());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(components());
        }

        private Object[] components() {
            return new Object[] {service, region, endpoint, credentials, validateCerts, caBundle, config};
        }
    }

    /** Credentials of a profile depend on the environment (AWS_CONFIG_FILE, ...); explicit keys do not. */
    private record ProviderKey(CredentialSource source, Map<String, String> environment) {
        @Override
        public boolean equals(Object other) {
            return other instanceof ProviderKey key && source.equals(key.source) && environment.equals(key.environment);
        }

        @Override
        public int hashCode() {
            return 31 * source.hashCode() + environment.hashCode();
        }

        @Override
        public String toString() {
            return "ProviderKey[" + source + "]";
        }
    }

    private final ProfileSource profiles;
    private final Map<ClientKey, Object> clients = new ConcurrentHashMap<>();
    private final Map<ProviderKey, AwsCredentialsProvider> providers = new ConcurrentHashMap<>();
    private final CallRecorder recorder = new CallRecorder();
    private final HttpClients http = new HttpClients();

    public AwsClients(ProfileSource profiles) {
        this.profiles = profiles;
        SdkEndpoints.resolvedByRolehop();
    }

    /** The profile source, for the region and endpoints of a profile. */
    public ProfileSource profiles() {
        return profiles;
    }

    public StsClient sts(ConnectionSettings settings, ModuleContext context) {
        return client("sts", settings, globalRegion(settings), StsClient.builder(), context);
    }

    public IamClient iam(ConnectionSettings settings, ModuleContext context) {
        return client("iam", settings, globalRegion(settings), IamClient.builder(), context);
    }

    /**
     * @param moduleName the short module name, for the message when no region is configured
     */
    public Ec2Client ec2(ConnectionSettings settings, String moduleName, ModuleContext context) {
        if (settings.region() == null) {
            throw new ModuleFailure("The " + moduleName + " module requires a region and none was found in "
                    + "configuration, environment variables or module parameters");
        }
        return client("ec2", settings, settings.region(), Ec2Client.builder(), context);
    }

    /** The endpoint a service is called at under these settings, or {@code null} for AWS's own. */
    public URI endpoint(String service, ConnectionSettings settings, ModuleContext context) {
        if (settings.endpoint() != null) {
            return settings.endpoint();
        }
        URI configured =
                profiles.endpointUrl(settings.profile(), service, context).orElse(null);
        if (configured != null && (configured.getScheme() == null || configured.getHost() == null)) {
            throw new ModuleFailure("The endpoint URL '" + configured + "' for " + service + " (from AWS_ENDPOINT_URL"
                    + ", AWS_ENDPOINT_URL_" + service.toUpperCase(java.util.Locale.ROOT)
                    + " or the profile's endpoint_url) is not a URL: give scheme://host[:port]");
        }
        return configured;
    }

    private static String globalRegion(ConnectionSettings settings) {
        return settings.region() == null ? GLOBAL_REGION : settings.region();
    }

    @SuppressWarnings("unchecked")
    private <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> C client(
            String service, ConnectionSettings settings, String region, B builder, ModuleContext context) {
        var credentials = new ProviderKey(
                settings.credentials(),
                settings.credentials() instanceof CredentialSource.NamedProfile ? context.environment() : Map.of());
        var key = new ClientKey(
                service,
                region,
                endpoint(service, settings, context),
                credentials,
                settings.validateCerts(),
                settings.caBundle(),
                settings.awsConfig());
        return (C) clients.computeIfAbsent(key, k -> {
            builder.region(Region.of(k.region()))
                    .credentialsProvider(provider(k.credentials(), context))
                    .httpClient(http.client(HttpClients.Settings.of(k.endpoint(), settings)))
                    .overrideConfiguration(o -> o.addExecutionInterceptor(recorder)
                            .retryStrategy(RetryRules.strategy(maxAttempts(settings.awsConfig()))));
            if (k.endpoint() != null) {
                builder.endpointOverride(k.endpoint());
            }
            return builder.build();
        });
    }

    private AwsCredentialsProvider provider(ProviderKey key, ModuleContext context) {
        return providers.computeIfAbsent(key, k -> {
            CredentialSource s = k.source();
            if (s instanceof CredentialSource.StaticKeys keys) {
                return StaticCredentialsProvider.create(
                        keys.sessionToken() == null
                                ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
                                : AwsSessionCredentials.create(
                                        keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken()));
            }
            return profiles.provider(((CredentialSource.NamedProfile) s).name(), context);
        });
    }

    /** botocore's {@code retries.total_max_attempts}, else {@code retries.max_attempts} + 1, else the default. */
    private static int maxAttempts(Map<String, Object> config) {
        if (config.get("retries") instanceof Map<?, ?> retries) {
            if (retries.get("total_max_attempts") instanceof Number total) {
                return Math.max(1, total.intValue());
            }
            if (retries.get("max_attempts") instanceof Number retriesOnly) {
                return Math.max(1, retriesOnly.intValue() + 1);
            }
        }
        return DEFAULT_MAX_ATTEMPTS;
    }
}
