package dev.rolehop.local.sso;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * SSO OIDC ({@code oidc.REGION.amazonaws.com}): RegisterClient, StartDeviceAuthorization and
 * CreateToken with the device-code and refresh-token grants, unsigned as the service is.
 */
final class OidcHandler implements HttpHandler {

    static final String DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    static final String REFRESH_TOKEN_GRANT = "refresh_token";
    private static final Map<String, String> OPERATIONS = Map.of(
            "/client/register", "RegisterClient",
            "/device_authorization", "StartDeviceAuthorization",
            "/token", "CreateToken");

    private final IdentityCenterSessions sessions;
    private final URI verificationUri;
    private final Clock clock;
    private final Consumer<String> log;

    OidcHandler(IdentityCenterSessions sessions, URI verificationUri, Clock clock, Consumer<String> log) {
        this.sessions = sessions;
        this.verificationUri = verificationUri;
        this.clock = clock;
        this.log = log;
    }

    /** The paths this handler serves. */
    static Iterable<String> paths() {
        return OPERATIONS.keySet();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        JsonExchange.serve(exchange, "sso-oidc", OPERATIONS::get, this::answer, log);
    }

    private JsonExchange.Answer answer(JsonExchange.Request request) {
        if (!request.method().equals("POST")) {
            throw SsoError.INVALID_REQUEST.error("use POST");
        }
        Instant now = clock.instant();
        return switch (request.path()) {
            case "/client/register" -> registerClient(request, now);
            case "/device_authorization" -> startDeviceAuthorization(request, now);
            default -> createToken(request, now);
        };
    }

    private JsonExchange.Answer registerClient(JsonExchange.Request request, Instant now) {
        request.required("clientName", SsoError.INVALID_REQUEST);
        if (!"public".equals(request.required("clientType", SsoError.INVALID_REQUEST))) {
            throw SsoError.INVALID_CLIENT_METADATA.error("clientType must be public");
        }
        List<String> scopes = new ArrayList<>();
        if (request.body().get("scopes") instanceof List<?> list) {
            list.forEach(s -> scopes.add(String.valueOf(s)));
        }
        IdentityCenterSessions.Client client = sessions.register(scopes, now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", client.id());
        body.put("clientSecret", client.secret());
        body.put("clientIdIssuedAt", now.getEpochSecond());
        body.put("clientSecretExpiresAt", client.expiresAt().getEpochSecond());
        return new JsonExchange.Answer(body, "-");
    }

    private JsonExchange.Answer startDeviceAuthorization(JsonExchange.Request request, Instant now) {
        IdentityCenterSessions.Client client = client(request, now);
        String startUrl = request.required("startUrl", SsoError.INVALID_REQUEST);
        String served = sessions.center(SsoError.INVALID_REQUEST).startUrl();
        if (!startUrl.equals(served)) {
            throw SsoError.INVALID_REQUEST.error(
                    "this rolehop local serves the start URL " + served + ", not " + startUrl);
        }
        Map.Entry<String, IdentityCenterSessions.Authorization> started =
                sessions.startDeviceAuthorization(client, now);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("deviceCode", started.getKey());
        body.put("userCode", started.getValue().userCode);
        body.put("verificationUri", verificationUri.toString());
        body.put("verificationUriComplete", verificationUri + "?user_code=" + started.getValue().userCode);
        body.put("expiresIn", IdentityCenterSessions.DEVICE_CODE_LIFETIME.toSeconds());
        body.put("interval", IdentityCenterSessions.POLL_INTERVAL_SECONDS);
        return new JsonExchange.Answer(body, "-");
    }

    private JsonExchange.Answer createToken(JsonExchange.Request request, Instant now) {
        IdentityCenterSessions.Client client = client(request, now);
        String grant = request.required("grantType", SsoError.INVALID_REQUEST);
        IdentityCenterSessions.Token token;
        if (grant.equals(DEVICE_CODE_GRANT)) {
            token = sessions.tokenForDeviceCode(client, request.required("deviceCode", SsoError.INVALID_REQUEST), now);
        } else if (grant.equals(REFRESH_TOKEN_GRANT)) {
            token = sessions.tokenForRefreshToken(
                    client, request.required("refreshToken", SsoError.INVALID_REQUEST), now);
        } else {
            throw SsoError.UNSUPPORTED_GRANT_TYPE.error("Unsupported grant type: " + grant);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessToken", token.accessToken());
        body.put("tokenType", "Bearer");
        body.put("expiresIn", IdentityCenterSessions.ACCESS_TOKEN_LIFETIME.toSeconds());
        if (token.refreshToken() != null) {
            body.put("refreshToken", token.refreshToken());
        }
        return new JsonExchange.Answer(body, token.user());
    }

    private IdentityCenterSessions.Client client(JsonExchange.Request request, Instant now) {
        return sessions.client(
                request.required("clientId", SsoError.INVALID_REQUEST),
                request.required("clientSecret", SsoError.INVALID_REQUEST),
                now);
    }
}
