package dev.rolehop.local.federation;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import dev.rolehop.local.auth.Authenticator;
import dev.rolehop.local.auth.Caller;
import dev.rolehop.local.state.JsonText;
import dev.rolehop.local.state.SessionKind;
import dev.rolehop.local.state.TemporaryCredential;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.text.Printable;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.wire.QueryParams;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The AWS federation endpoint ({@value #PATH}, {@code signin.aws.amazon.com/federation} on AWS),
 * as a custom identity broker calls it: {@code Action=getSigninToken} exchanges a JSON
 * {@code Session} of temporary credentials for a sign-in token, {@code Action=login} spends the
 * token once (within 15 minutes) and redirects to the {@code Destination} with a console session
 * cookie, which the local console page ({@link ConsolePage}) reads. GET and form POST alike.
 *
 * <p>The session's credentials must be exactly ones rolehop local issued and not expired, from
 * AssumeRole (or Identity Center, web identity, instance metadata) or GetFederationToken: long-term
 * keys and GetSessionToken's credentials cannot sign in. {@code SessionDuration} (900..43200)
 * is for role sessions only, at most an hour for a chained role, as AWS restricts; without it the
 * console session ends with the credentials. Refusals are HTTP 400, as AWS answers them, with
 * the reason as text. One log line per request, never a credential or token.
 */
public final class FederationEndpoint implements HttpHandler {

    /** Where the endpoint is served. */
    public static final String PATH = "/federation";

    static final String COOKIE = "rolehop-console";
    private static final int MAX_BODY = 64 * 1024;
    private static final int MIN_SESSION_DURATION = 900;
    private static final int MAX_SESSION_DURATION = 43200;
    private static final int CHAINED_MAX = 3600;

    private final Authenticator authenticator;
    private final WorldState state;
    private final SignIns signIns;
    private final Clock clock;
    private final Consumer<String> log;

    private FederationEndpoint(
            Authenticator authenticator, WorldState state, SignIns signIns, Clock clock, Consumer<String> log) {
        this.authenticator = authenticator;
        this.state = state;
        this.signIns = signIns;
        this.clock = clock;
        this.log = log;
    }

    /** Adds the federation endpoint and the console page to {@code server}. */
    public static void install(
            HttpServer server, Authenticator authenticator, WorldState state, Clock clock, Consumer<String> log) {
        SignIns signIns = new SignIns();
        server.createContext(PATH, new FederationEndpoint(authenticator, state, signIns, clock, log));
        server.createContext(ConsolePage.PATH, new ConsolePage(signIns, clock, log));
    }

    /** A request the endpoint refuses with HTTP 400 and this reason. */
    private static final class Refused extends RuntimeException {
        Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String action = "-";
        String who = "-";
        String outcome = "OK";
        try {
            QueryParams params = params(exchange);
            action = params.get("Action").orElse("-");
            Instant now = clock.instant();
            switch (action) {
                case "getSigninToken" -> {
                    ConsoleSession session = consoleSession(params, now);
                    who = session.arn();
                    String token = signIns.issue(session, now);
                    send(exchange, 200, "application/json", JsonText.line(Map.of("SigninToken", token)));
                }
                case "login" -> {
                    ConsoleSession session = login(params, now);
                    who = session.arn();
                    String id = signIns.open(session, now);
                    long maxAge = Math.max(
                            0, Duration.between(now, session.expiration()).toSeconds());
                    exchange.getResponseHeaders()
                            .set(
                                    "Set-Cookie",
                                    COOKIE + "=" + id + "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Lax");
                    exchange.getResponseHeaders()
                            .set("Location", params.get("Destination").orElseThrow());
                    send(exchange, 302, "text/plain; charset=utf-8", "");
                }
                default ->
                    throw new Refused("Action must be getSigninToken or login, not '" + Printable.line(action) + "'");
            }
        } catch (Refused e) {
            outcome = "Refused";
            send(exchange, 400, "text/plain; charset=utf-8", e.getMessage() + "\n");
        } finally {
            log.accept(Printable.field(who) + " federation " + Printable.field(action) + " " + outcome);
        }
    }

    private static QueryParams params(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new Refused("the request body is larger than " + MAX_BODY + " bytes");
        }
        try {
            return QueryParams.parse(
                    new String(body, StandardCharsets.UTF_8),
                    exchange.getRequestURI().getRawQuery());
        } catch (AwsException e) {
            throw new Refused("the query string or form is not URL-encoded");
        }
    }

    /** getSigninToken: the console session the {@code Session} credentials open. */
    private ConsoleSession consoleSession(QueryParams params, Instant now) {
        Map<String, String> session = sessionJson(params.get("Session")
                .orElseThrow(() -> new Refused("getSigninToken needs a Session parameter: the URL-encoded JSON"
                        + " {\"sessionId\": ..., \"sessionKey\": ..., \"sessionToken\": ...}")));
        TemporaryCredential c = state.session(session.get("sessionId"))
                .filter(t -> same(t.secretAccessKey(), session.get("sessionKey"))
                        && same(t.sessionToken(), session.get("sessionToken")))
                .orElseThrow(() -> new Refused("Invalid credentials parameter: the Session's credentials are not"
                        + " temporary credentials rolehop local issued (long-term keys cannot sign in; use a"
                        + " role's or a federated user's)"));
        if (!now.isBefore(c.expiration())) {
            throw new Refused("Invalid credentials parameter: the Session's credentials expired at " + c.expiration());
        }
        if (c.kind() == SessionKind.SESSION_TOKEN) {
            throw new Refused("Invalid credentials parameter: credentials from GetSessionToken cannot sign in to"
                    + " the console; use AssumeRole or GetFederationToken");
        }
        Caller caller = authenticator
                .sessionCaller(c)
                .orElseThrow(
                        () -> new Refused("Invalid credentials parameter: the Session's principal no longer exists"));
        Instant end = sessionDuration(params, c).map(now::plusSeconds).orElse(c.expiration());
        return new ConsoleSession(caller.accountId(), caller.arn(), caller.userId(), end, null);
    }

    private static Optional<Long> sessionDuration(QueryParams params, TemporaryCredential c) {
        Optional<String> text = params.get("SessionDuration");
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (c.kind() == SessionKind.FEDERATED_USER) {
            throw new Refused("SessionDuration is not allowed for credentials from GetFederationToken");
        }
        long seconds;
        try {
            seconds = Long.parseLong(text.get());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < MIN_SESSION_DURATION || seconds > MAX_SESSION_DURATION) {
            throw new Refused("SessionDuration must be " + MIN_SESSION_DURATION + " to " + MAX_SESSION_DURATION
                    + " seconds, not '" + Printable.line(text.get()) + "'");
        }
        if (c.chained() && seconds > CHAINED_MAX) {
            throw new Refused("SessionDuration exceeds the 1 hour limit of a role session from role chaining");
        }
        return Optional.of(seconds);
    }

    /** login: the console session of the {@code SigninToken}, which is spent. */
    private ConsoleSession login(QueryParams params, Instant now) {
        String destination = params.get("Destination")
                .orElseThrow(() -> new Refused("login needs a Destination: the console URL to land on"));
        URI uri;
        try {
            uri = URI.create(destination);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null
                || uri.getHost() == null
                || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new Refused("Destination must be an absolute http(s) URL, not '" + Printable.line(destination) + "'");
        }
        String token = params.get("SigninToken").orElseThrow(() -> new Refused("login needs a SigninToken"));
        return signIns.redeem(token, now)
                .map(s -> s.issuedBy(params.get("Issuer").orElse(null)))
                .orElseThrow(() ->
                        new Refused("the SigninToken is not valid: unknown, already used, or older than 15 minutes"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> sessionJson(String text) {
        Object parsed;
        try {
            parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        } catch (YAMLException e) {
            parsed = null;
        }
        if (!(parsed instanceof Map<?, ?> map)
                || !(map.get("sessionId") instanceof String)
                || !(map.get("sessionKey") instanceof String)
                || !(map.get("sessionToken") instanceof String)) {
            throw new Refused("Invalid credentials parameter: Session must be JSON with the strings sessionId,"
                    + " sessionKey and sessionToken");
        }
        return (Map<String, String>) map;
    }

    /** Compares secrets in constant time. */
    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
