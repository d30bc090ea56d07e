package dev.rolehop.creds.chain;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.cache.FileProblems;
import dev.rolehop.python.Json;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Reads credentials from a container credential endpoint (ECS, EKS Pod Identity, {@code rolehop
 * exec --server}) as botocore's ContainerProvider and ContainerMetadataFetcher do:
 * AWS_CONTAINER_CREDENTIALS_RELATIVE_URI (under {@code http://169.254.170.2}) or
 * AWS_CONTAINER_CREDENTIALS_FULL_URI, with AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE (read at each
 * fetch) or AWS_CONTAINER_AUTHORIZATION_TOKEN as the Authorization header; 2-second timeouts, 3
 * attempts a second apart. A plain-http full URI must name a loopback address or one of the
 * container endpoints' link-local addresses; https may name any host.
 */
final class ContainerCredentials {

    private static final String ECS_HOST = "169.254.170.2";
    private static final Set<String> CONTAINER_HOSTS = Set.of(ECS_HOST, "169.254.170.23", "fd00:ec2::23", "localhost");
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final int ATTEMPTS = 3;
    private static final Duration PAUSE = Duration.ofSeconds(1);

    private ContainerCredentials() {}

    /**
     * Fetches the endpoint's credentials for {@code profile}'s {@code credential_source = EcsContainer}.
     *
     * @throws CredentialException naming the variable, the endpoint and the fix; never the token
     */
    static AwsCredentials fetch(String profile, Map<String, String> environment) {
        String what = "profile '" + profile + "': credential_source = EcsContainer";
        URI uri = endpoint(what, environment);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(TIMEOUT)
                .header("Accept", "application/json")
                .GET();
        String token = authorizationToken(what, environment);
        if (token != null) {
            request.header("Authorization", token);
        }
        Map<?, ?> document = document(what, uri, request.build());
        return CredentialDocument.read(
                what, uri, document, "profile " + profile + ": credential_source EcsContainer (" + uri + ")");
    }

    private static URI endpoint(String what, Map<String, String> environment) {
        String relative = environment.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI");
        if (relative != null) {
            return URI.create("http://" + ECS_HOST + relative);
        }
        String full = environment.get("AWS_CONTAINER_CREDENTIALS_FULL_URI");
        if (full == null) {
            throw new CredentialException(what + ", but neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor"
                    + " AWS_CONTAINER_CREDENTIALS_FULL_URI is set (ECS and EKS set them in a container, rolehop"
                    + " exec --server for its command); use source_profile or another credential_source here");
        }
        URI uri;
        try {
            uri = URI.create(full);
        } catch (IllegalArgumentException e) {
            throw new CredentialException(what + ": AWS_CONTAINER_CREDENTIALS_FULL_URI is not a URL", e);
        }
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (!https && !("http".equalsIgnoreCase(uri.getScheme()) && allowedHttpHost(uri.getHost()))) {
            throw new CredentialException(what + ": AWS_CONTAINER_CREDENTIALS_FULL_URI " + uri.getScheme() + "://"
                    + uri.getHost() + " is not allowed: plain http only to a loopback address, localhost, "
                    + String.join(", ", CONTAINER_HOSTS.stream().sorted().toList()) + "; else use https");
        }
        return uri;
    }

    private static boolean allowedHttpHost(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (CONTAINER_HOSTS.contains(bare)) {
            return true;
        }
        try {
            // Only literal addresses are resolved here (no DNS): a name other than localhost is refused.
            return bare.matches("[0-9.]+|[0-9a-fA-F:]+")
                    && InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The token file wins over the token variable (it is read afresh each time: it may be rotated). */
    private static String authorizationToken(String what, Map<String, String> environment) {
        String file = environment.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE");
        if (file != null) {
            try {
                return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new CredentialException(
                        what + ": AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE " + file + " cannot be read ("
                                + FileProblems.describe(e) + ")",
                        e);
            }
        }
        return environment.get("AWS_CONTAINER_AUTHORIZATION_TOKEN");
    }

    private static Map<?, ?> document(String what, URI uri, HttpRequest request) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        String failure = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && Json.loads(response.body()) instanceof Map<?, ?> map) {
                    return map;
                }
                // The body is not shown: an endpoint's answer may hold credentials.
                failure = response.statusCode() == 200
                        ? "answered something that is not a JSON object"
                        : "answered HTTP " + response.statusCode();
            } catch (IOException | RuntimeException e) {
                failure = "could not be read (" + e.getClass().getSimpleName() + ")";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CredentialException(what + ": interrupted while reading " + uri, e);
            }
            if (attempt < ATTEMPTS) {
                pause();
            }
        }
        throw new CredentialException(what + ": the container credential endpoint " + uri + " " + failure + " ("
                + ATTEMPTS + " attempts); check that it runs and that the authorization token is its own");
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
