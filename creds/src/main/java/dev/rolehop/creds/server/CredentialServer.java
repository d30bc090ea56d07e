package dev.rolehop.creds.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.python.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * A container credential endpoint, as ECS serves one to its tasks, on 127.0.0.1: {@code GET PATH}
 * with the {@code Authorization} header set to the server's random token answers
 * {@code {"AccessKeyId", "SecretAccessKey", "Token", "Expiration"}} from a refreshing provider, which
 * the SDKs' and the AWS CLI's container providers read when AWS_CONTAINER_CREDENTIALS_FULL_URI and
 * AWS_CONTAINER_AUTHORIZATION_TOKEN point at it. A request without the token is answered 401, one
 * with another token 403; neither reaches the provider.
 */
public final class CredentialServer implements AutoCloseable {

    /** The path credentials are served at. */
    public static final String PATH = "/rolehop/credentials";

    private static final int TOKEN_BYTES = 32;

    private final HttpServer server;
    private final ExecutorService executor;
    private final String token;
    private final URI uri;

    private CredentialServer(HttpServer server, ExecutorService executor, String token) {
        this.server = server;
        this.executor = executor;
        this.token = token;
        this.uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    /**
     * Starts serving {@code credentials} on 127.0.0.1.
     *
     * @param port the port, 0 for a free one
     * @param log receives one line per request (outcome only; never a credential or the token)
     * @throws UncheckedIOException when the port cannot be bound, naming it
     */
    public static CredentialServer start(AwsCredentialsProvider credentials, int port, Consumer<String> log) {
        byte[] random = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot listen on 127.0.0.1:" + port + ": " + e.getMessage() + " (choose another --port, or 0)", e);
        }
        // One thread: requests are rare, and a refresh that asks for an MFA code must not run twice.
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "rolehop-credential-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (exchange) {
                answer(exchange, credentials, token, log);
            }
        });
        server.start();
        return new CredentialServer(server, executor, token);
    }

    /** The full URI, for AWS_CONTAINER_CREDENTIALS_FULL_URI. */
    public URI uri() {
        return uri;
    }

    /** The authorization token, for AWS_CONTAINER_AUTHORIZATION_TOKEN; a secret. */
    public String authorizationToken() {
        return token;
    }

    private static void answer(
            HttpExchange exchange, AwsCredentialsProvider credentials, String token, Consumer<String> log)
            throws IOException {
        String presented = exchange.getRequestHeaders().getFirst("Authorization");
        if (!exchange.getRequestURI().getPath().equals(PATH)) {
            send(exchange, 404, error("NotFound", "credentials are served at " + PATH), log);
        } else if (!exchange.getRequestMethod().equals("GET")) {
            send(exchange, 405, error("MethodNotAllowed", "use GET"), log);
        } else if (presented == null) {
            send(exchange, 401, error("Unauthorized", "the Authorization header is missing"), log);
        } else if (!MessageDigest.isEqual(
                presented.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            send(exchange, 403, error("Forbidden", "the Authorization header is not this server's token"), log);
        } else {
            try {
                send(exchange, 200, Json.dumps(document(credentials.resolveCredentials())), log);
            } catch (CredentialException e) {
                // The resolver's messages name profiles and fixes, never a secret.
                send(exchange, 500, error("CredentialsUnavailable", e.getMessage()), log);
            }
        }
    }

    /** The ECS task role document the container providers parse. */
    private static Map<String, Object> document(AwsCredentials c) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("AccessKeyId", c.accessKeyId());
        out.put("SecretAccessKey", c.secretAccessKey());
        if (c instanceof AwsSessionCredentials session) {
            out.put("Token", session.sessionToken());
            session.expirationTime().ifPresent(e -> out.put("Expiration", e.toString()));
        }
        c.accountId().ifPresent(id -> out.put("AccountId", id));
        return out;
    }

    private static String error(String code, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", code);
        out.put("message", message);
        return Json.dumps(out);
    }

    private static void send(HttpExchange exchange, int status, String body, Consumer<String> log) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        // The method and path are the client's: only known values are logged, so a line cannot be forged.
        log.accept((exchange.getRequestMethod().equals("GET") ? "GET" : "other method") + " "
                + (exchange.getRequestURI().getPath().equals(PATH) ? PATH : "(other path)") + " " + status);
    }

    /** Stops serving at once. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
