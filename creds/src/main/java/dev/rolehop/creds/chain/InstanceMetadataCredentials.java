package dev.rolehop.creds.chain;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.profile.ProfileKeys;
import dev.rolehop.python.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an instance profile's credentials from the EC2 instance metadata service as botocore's
 * InstanceMetadataFetcher does: a session token first (IMDSv2: {@code PUT latest/api/token}),
 * falling back to unsigned reads (IMDSv1) only when the service answers that request 403, 404 or
 * 405 or lets it time out; then the role name under {@code latest/meta-data/iam/security-credentials/}
 * and the role's credentials below it.
 *
 * <p>Settings, each an environment variable over the profile's key: AWS_EC2_METADATA_DISABLED,
 * AWS_EC2_METADATA_SERVICE_ENDPOINT / {@code ec2_metadata_service_endpoint} (else
 * {@code http://169.254.169.254/}, or {@code http://[fd00:ec2::254]/} when
 * AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE / {@code ec2_metadata_service_endpoint_mode} is IPv6),
 * AWS_METADATA_SERVICE_TIMEOUT / {@code metadata_service_timeout} (seconds, default 1) and
 * AWS_METADATA_SERVICE_NUM_ATTEMPTS / {@code metadata_service_num_attempts} (default 1).
 */
final class InstanceMetadataCredentials {

    static final String IPV4_ENDPOINT = "http://169.254.169.254/";
    static final String IPV6_ENDPOINT = "http://[fd00:ec2::254]/";
    private static final String TOKEN_PATH = "latest/api/token";
    private static final String ROLES_PATH = "latest/meta-data/iam/security-credentials/";
    /** botocore asks for six hours, the most IMDS grants. */
    private static final String TOKEN_TTL_SECONDS = "21600";

    private final String what;
    private final String profile;
    private final URI base;
    private final Duration timeout;
    private final int attempts;
    private final HttpClient client;

    private InstanceMetadataCredentials(String what, String profile, URI base, Duration timeout, int attempts) {
        this.what = what;
        this.profile = profile;
        this.base = base;
        this.timeout = timeout;
        this.attempts = attempts;
        this.client = HttpClient.newBuilder()
                .connectTimeout(timeout)
                .proxy(HttpClient.Builder.NO_PROXY)
                .build();
    }

    /**
     * Fetches the instance's role credentials for {@code source}'s profile.
     *
     * @throws CredentialException naming the profile, the setting or the endpoint and the fix;
     *     never a token or key
     */
    static AwsCredentials fetch(CredentialSource.InstanceMetadata source, Map<String, String> environment) {
        String what = "profile '" + source.profile() + "': credential_source = Ec2InstanceMetadata";
        if ("true".equalsIgnoreCase(environment.getOrDefault("AWS_EC2_METADATA_DISABLED", "false"))) {
            throw new CredentialException(what + ", but AWS_EC2_METADATA_DISABLED=true turns the instance"
                    + " metadata service off; unset it or use another credential source");
        }
        Map<String, String> settings = source.settings();
        URI base = endpoint(
                what,
                setting(
                        environment,
                        settings,
                        "AWS_EC2_METADATA_SERVICE_ENDPOINT",
                        ProfileKeys.EC2_METADATA_SERVICE_ENDPOINT),
                setting(
                        environment,
                        settings,
                        "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE",
                        ProfileKeys.EC2_METADATA_SERVICE_ENDPOINT_MODE));
        double seconds = number(
                what, environment, settings, "AWS_METADATA_SERVICE_TIMEOUT", ProfileKeys.METADATA_SERVICE_TIMEOUT, 1);
        int attempts = (int) number(
                what,
                environment,
                settings,
                "AWS_METADATA_SERVICE_NUM_ATTEMPTS",
                ProfileKeys.METADATA_SERVICE_NUM_ATTEMPTS,
                1);
        return new InstanceMetadataCredentials(
                        what,
                        source.profile(),
                        base,
                        Duration.ofMillis(Math.round(seconds * 1000)),
                        Math.max(1, attempts))
                .fetch();
    }

    private AwsCredentials fetch() {
        String token = token();
        String roles = read(
                ROLES_PATH,
                token,
                "the instance's role",
                "the instance has no instance profile;" + " attach one with a role EC2 may assume");
        String role = roles.lines().findFirst().orElse("").strip();
        if (role.isEmpty()) {
            throw new CredentialException(what + ": " + base.resolve(ROLES_PATH)
                    + " names no role; attach an instance profile with a role to the instance");
        }
        URI uri = base.resolve(ROLES_PATH + role);
        Object parsed = Json.loads(read(
                ROLES_PATH + role,
                token,
                "the role's credentials",
                "the instance profile" + " no longer holds role " + role
                        + " (it changed while rolehop read it); run the command again"));
        if (!(parsed instanceof Map<?, ?> document)) {
            throw new CredentialException(what + ": " + uri + " answered something that is not a JSON object");
        }
        if (document.get("Code") instanceof String code && !code.equals("Success")) {
            // The service answers 200 with an error document when EC2 cannot assume the role.
            throw new CredentialException(what + ": " + uri + " answered " + code
                    + (document.get("Message") instanceof String message ? ": " + message : ""));
        }
        return CredentialDocument.read(
                what,
                uri,
                document,
                "profile " + profile + ": credential_source Ec2InstanceMetadata (role " + role + " at " + base + ")");
    }

    /** An IMDSv2 session token, or {@code null} where the service only speaks IMDSv1. */
    private String token() {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(TOKEN_PATH))
                .timeout(timeout)
                .header("x-aws-ec2-metadata-token-ttl-seconds", TOKEN_TTL_SECONDS)
                .PUT(HttpRequest.BodyPublishers.noBody())
                .build();
        String failure = "did not answer";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                switch (response.statusCode()) {
                    case 200:
                        return response.body();
                    case 403, 404, 405:
                        return null;
                    case 400:
                        throw new CredentialException(
                                what + ": " + request.uri() + " refused the session token request (HTTP 400)");
                    default:
                        failure = "answered HTTP " + response.statusCode();
                }
            } catch (HttpTimeoutException e) {
                return null;
            } catch (IOException e) {
                failure = "could not be reached (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CredentialException(what + ": interrupted while reading " + request.uri(), e);
            }
        }
        throw unreachable(request.uri(), failure);
    }

    private String read(String path, String token, String purpose, String notFound) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(base.resolve(path)).timeout(timeout).GET();
        if (token != null) {
            builder.header("x-aws-ec2-metadata-token", token);
        }
        HttpRequest request = builder.build();
        String failure = "did not answer";
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && !response.body().isEmpty()) {
                    return response.body();
                }
                if (response.statusCode() == 404) {
                    throw new CredentialException(
                            what + ": " + request.uri() + " was not found (HTTP 404): " + notFound);
                }
                // The body is not shown: it may hold credentials.
                failure = response.statusCode() == 200 ? "answered nothing" : "answered HTTP " + response.statusCode();
            } catch (IOException e) {
                failure = "could not be reached (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CredentialException(what + ": interrupted while reading " + request.uri(), e);
            }
        }
        throw unreachable(request.uri(), failure + " when asked for " + purpose);
    }

    private CredentialException unreachable(URI uri, String failure) {
        return new CredentialException(what + ": the instance metadata service " + uri + " " + failure + " ("
                + attempts + (attempts == 1 ? " attempt" : " attempts") + "); outside EC2 set"
                + " AWS_EC2_METADATA_SERVICE_ENDPOINT (or ec2_metadata_service_endpoint) to a metadata endpoint,"
                + " or use another credential source");
    }

    private static String setting(
            Map<String, String> environment, Map<String, String> settings, String variable, String key) {
        String value = environment.get(variable);
        return value != null && !value.isEmpty() ? value : settings.get(key);
    }

    private static URI endpoint(String what, String custom, String mode) {
        if (mode != null && !mode.equalsIgnoreCase("ipv4") && !mode.equalsIgnoreCase("ipv6")) {
            throw new CredentialException(what + ": the endpoint mode '" + mode + "' (AWS_EC2_METADATA_SERVICE_"
                    + "ENDPOINT_MODE or ec2_metadata_service_endpoint_mode) is not valid; use IPv4 or IPv6");
        }
        if (custom == null) {
            return URI.create(
                    mode != null && mode.toLowerCase(Locale.ROOT).equals("ipv6") ? IPV6_ENDPOINT : IPV4_ENDPOINT);
        }
        URI uri;
        try {
            uri = URI.create(custom.endsWith("/") ? custom : custom + "/");
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null
                || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new CredentialException(what + ": the metadata endpoint '" + custom + "' (AWS_EC2_METADATA_"
                    + "SERVICE_ENDPOINT or ec2_metadata_service_endpoint) is not an http(s) URL with a host");
        }
        return uri;
    }

    private static double number(
            String what,
            Map<String, String> environment,
            Map<String, String> settings,
            String variable,
            String key,
            double fallback) {
        String value = setting(environment, settings, variable, key);
        if (value == null) {
            return fallback;
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (number > 0 && Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CredentialException(
                what + ": " + variable + " / " + key + " = '" + value + "' is not a positive number");
    }
}
