package dev.rolehop.creds.chain;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.http.SdkEndpoints;
import dev.rolehop.creds.http.SdkHttpClients;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

/** Builds the STS clients rolehop uses: URL-connection HTTP, a given region and endpoint. */
public final class StsClients {

    private StsClients() {}

    /**
     * An STS client signing with {@code credentials}.
     *
     * @param endpoint the endpoint URL (e.g. rolehop local), or empty for AWS's own
     * @param region the signing region
     * @param retries whether failed calls are retried: never for a call carrying an MFA code, which
     *     must not be sent twice
     */
    public static StsClient create(
            AwsCredentialsProvider credentials, Optional<URI> endpoint, String region, boolean retries) {
        StsClientBuilder builder = StsClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(SdkHttpClients.forEndpoint(endpoint));
        if (!retries) {
            builder.overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
        }
        SdkEndpoints.resolvedByRolehop();
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** A provider always answering {@code credentials}. */
    public static AwsCredentialsProvider fixed(AwsCredentials credentials) {
        return StaticCredentialsProvider.create(
                credentials.sessionToken() == null
                        ? AwsBasicCredentials.create(credentials.accessKeyId(), credentials.secretAccessKey())
                        : AwsSessionCredentials.create(
                                credentials.accessKeyId(), credentials.secretAccessKey(), credentials.sessionToken()));
    }
}
