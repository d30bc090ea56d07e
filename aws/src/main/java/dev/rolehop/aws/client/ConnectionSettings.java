package dev.rolehop.aws.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * How a task talks to AWS, decided from the common AWS arguments and the environment as
 * amazon.aws's {@code get_aws_connection_info} decides it. Tasks with equal settings share clients.
 *
 * @param region        the region, or {@code null} when neither arguments, environment nor profile give one
 * @param endpoint      the endpoint for every service ({@code endpoint_url}, {@code AWS_URL}), or {@code null}
 * @param credentials   where the credentials come from
 * @param profile       the profile named by the task or the environment, or {@code null}; also
 *                      consulted for the region and per-service endpoints
 * @param validateCerts whether TLS certificates are checked
 * @param caBundle      a PEM bundle of trusted certificates, or {@code null}
 * @param awsConfig     botocore {@code Config} options ({@code connect_timeout}, {@code read_timeout},
 *                      {@code retries}), possibly empty
 */
public record ConnectionSettings(
        String region,
        URI endpoint,
        CredentialSource credentials,
        String profile,
        boolean validateCerts,
        Path caBundle,
        Map<String, Object> awsConfig) {

    public ConnectionSettings {
        awsConfig = Map.copyOf(awsConfig);
    }
}
