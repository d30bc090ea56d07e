package dev.rolehop.local.imds;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.rolehop.local.policy.Decision;
import dev.rolehop.local.policy.PolicyEvaluator;
import dev.rolehop.local.policy.RequestContext;
import dev.rolehop.local.state.SessionKind;
import dev.rolehop.local.state.TemporaryCredential;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.text.Printable;
import dev.rolehop.local.world.Ids;
import dev.rolehop.local.world.Role;
import dev.rolehop.local.world.World;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The EC2 instance metadata service (IMDS) of one pretend instance, served on a rolehop local's
 * port under {@code /latest/} as {@code 169.254.169.254} serves it inside an instance, so
 * {@code credential_source = Ec2InstanceMetadata}, the AWS CLI and the SDKs' instance providers run
 * against it through AWS_EC2_METADATA_SERVICE_ENDPOINT.
 *
 * <p>The instance requires IMDSv2 (as launch templates now default to): every read needs a token
 * from {@code PUT /latest/api/token} (401 without one), and a token request that carries
 * {@code X-Forwarded-For} is refused 403, as IMDS refuses requests relayed through a proxy. The
 * instance profile's role (rolehop local's {@code --instance-role}) gets sessions of six hours, a
 * new one an hour before the last ends; without a role the {@code iam/} paths answer 404, as on an
 * instance without a profile. A role whose trust policy does not let {@code ec2.amazonaws.com}
 * assume it is answered as IMDS answers it: 200 with an {@code AssumeRoleUnauthorizedAccess} document.
 */
public final class InstanceMetadataEndpoint implements HttpHandler {

    /** The path prefix, as on the instance. */
    public static final String PATH = "/latest/";

    private static final String TOKEN_PATH = "/latest/api/token";
    private static final String META_DATA = "/latest/meta-data/";
    private static final String CREDENTIALS = META_DATA + "iam/security-credentials/";
    private static final Duration SESSION = Duration.ofHours(6);
    private static final Duration RENEW_BEFORE = Duration.ofHours(1);
    private static final String EC2_SERVICE = "ec2.amazonaws.com";
    /** The most bytes of a request body read. */
    private static final int MAX_BODY = 64 * 1024;

    private final Role role;
    private final String instanceId;
    private final String region;
    private final WorldState state;
    private final Clock clock;
    private final Consumer<String> log;
    private final MetadataTokens tokens;
    private TemporaryCredential session;

    /**
     * An endpoint for an instance whose profile holds {@code role} (null: no instance profile), in
     * the role's account's first region (us-east-1 without a role).
     */
    public InstanceMetadataEndpoint(Role role, World world, WorldState state, Clock clock, Consumer<String> log) {
        this.role = role;
        this.instanceId = Ids.randomHex("i-");
        this.region = role == null
                ? "us-east-1"
                : world.account(role.accountId()).map(a -> a.regions().get(0)).orElse("us-east-1");
        this.state = state;
        this.clock = clock;
        this.log = log;
        this.tokens = new MetadataTokens(clock);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            // IMDS requests carry no body: a client sending a large one is answered without reading it all
            Answer answer = body.readNBytes(MAX_BODY + 1).length > MAX_BODY
                    ? Answer.status(400, "Bad Request")
                    : answer(exchange);
            log.accept("- imds " + Printable.field(exchange.getRequestMethod()) + " "
                    + Printable.field(exchange.getRequestURI().getRawPath()) + " " + answer.status());
            byte[] bytes = exchange.getRequestMethod().equals("HEAD")
                    ? new byte[0]
                    : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        }
    }

    private Answer answer(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (path.equals(TOKEN_PATH)) {
            if (!method.equals("PUT")) {
                return Answer.status(405, "Method Not Allowed");
            }
            if (exchange.getRequestHeaders().containsKey("X-Forwarded-For")) {
                return Answer.status(403, "Forbidden");
            }
            return tokens.issue(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token-ttl-seconds"));
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return Answer.status(405, "Method Not Allowed");
        }
        if (!tokens.valid(exchange.getRequestHeaders().getFirst("X-aws-ec2-metadata-token"))) {
            return Answer.status(401, "Unauthorized");
        }
        return read(path);
    }

    private Answer read(String path) {
        String zone = region + "a";
        if (path.equals(META_DATA)) {
            return Answer.text(role == null ? "instance-id\nplacement/" : "iam/\ninstance-id\nplacement/");
        }
        if (path.equals(META_DATA + "instance-id")) {
            return Answer.text(instanceId);
        }
        if (path.equals(META_DATA + "placement/")) {
            return Answer.text("availability-zone\nregion");
        }
        if (path.equals(META_DATA + "placement/availability-zone")) {
            return Answer.text(zone);
        }
        if (path.equals(META_DATA + "placement/region")) {
            return Answer.text(region);
        }
        if (role == null || !path.startsWith(META_DATA + "iam/")) {
            return Answer.status(404, "Not Found");
        }
        if (path.equals(META_DATA + "iam/")) {
            return Answer.text("info\nsecurity-credentials/");
        }
        if (path.equals(META_DATA + "iam/info")) {
            return Answer.text(MetadataJson.info(role, clock.instant()));
        }
        if (path.equals(CREDENTIALS)) {
            return Answer.text(role.name());
        }
        if (path.equals(CREDENTIALS + role.name())) {
            return Answer.text(credentials());
        }
        return Answer.status(404, "Not Found");
    }

    private synchronized String credentials() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        RequestContext context = RequestContext.service("sts:AssumeRole", role.arn(), EC2_SERVICE, Map.of());
        if (PolicyEvaluator.evaluateTrust(role.trustPolicy(), context) != Decision.ALLOW) {
            session = null;
            return MetadataJson.unauthorized(role, now);
        }
        if (session == null || !now.isBefore(session.expiration().minus(RENEW_BEFORE))) {
            session = TemporaryCredential.issue(
                    SessionKind.ASSUMED_ROLE,
                    role.accountId(),
                    role.name(),
                    instanceId,
                    now.plus(SESSION),
                    null,
                    false);
            state.addSession(session, now);
        }
        return MetadataJson.credentials(session, now);
    }

    /** One HTTP answer (IMDS answers everything as text/plain, JSON documents too). */
    record Answer(int status, String contentType, String body, Map<String, String> headers) {
        static Answer text(String body) {
            return new Answer(200, "text/plain", body, Map.of());
        }

        static Answer status(int status, String reason) {
            return new Answer(status, "text/plain", reason, Map.of());
        }

        static Answer token(String token, long ttl) {
            return new Answer(
                    200, "text/plain", token, Map.of("X-aws-ec2-metadata-token-ttl-seconds", String.valueOf(ttl)));
        }
    }
}
