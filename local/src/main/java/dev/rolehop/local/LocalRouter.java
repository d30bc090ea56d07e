package dev.rolehop.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.rolehop.local.auth.Authenticator;
import dev.rolehop.local.auth.Caller;
import dev.rolehop.local.auth.SigV4Authorization;
import dev.rolehop.local.auth.SigV4Verifier;
import dev.rolehop.local.auth.SignedRequest;
import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.service.ServiceHandler;
import dev.rolehop.local.text.Printable;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.wire.ErrorXml;
import dev.rolehop.local.wire.QueryParams;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The HTTP entry: reads a query-protocol request, authenticates its SigV4 signature, routes it
 * by the credential scope's service to its handler, writes the XML answer or AWS's error
 * envelope, and logs one line per request (caller, service, action, outcome, time; no secrets).
 */
final class LocalRouter implements HttpHandler {

    private static final int MAX_BODY = 1 << 20;
    private static final String EC2_VERSION = "2016-11-15";
    /** An unsigned request names no region; AWS's global STS endpoint is in us-east-1. */
    private static final String UNSIGNED_REGION = "us-east-1";

    private final Map<String, ServiceHandler> handlers;
    private final Authenticator authenticator;
    private final Throttle throttle;
    private final Clock clock;
    private final Consumer<String> log;

    LocalRouter(
            List<ServiceHandler> handlers,
            Authenticator authenticator,
            Throttle throttle,
            Clock clock,
            Consumer<String> log) {
        this.handlers = new HashMap<>();
        handlers.forEach(h -> this.handlers.put(h.service(), h));
        this.authenticator = authenticator;
        this.throttle = throttle;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        String service = null;
        String action = "-";
        String who = "-";
        String outcome = "OK";
        int status = 200;
        String body;
        QueryParams params = QueryParams.parse();
        try {
            byte[] raw = read(exchange.getRequestBody());
            URI uri = exchange.getRequestURI();
            SignedRequest request = new SignedRequest(
                    exchange.getRequestMethod(),
                    uri.getRawPath(),
                    uri.getRawQuery(),
                    exchange.getRequestHeaders(),
                    raw);
            try {
                params = QueryParams.parse(new String(raw, StandardCharsets.UTF_8), uri.getRawQuery());
            } catch (AwsException malformed) {
                // Answered in the envelope of the service the request is signed for, if it says.
                service = signedService(request);
                throw malformed;
            }
            action = params.get("Action").orElse("-");
            ServiceHandler handler = signed(request, params) ? null : unsignedHandler(action);
            Caller caller = null;
            String region = UNSIGNED_REGION;
            if (handler == null) {
                SigV4Authorization auth = SigV4Verifier.parse(request, queryMap(params));
                service = auth.service();
                handler = handlers.get(service);
                if (handler == null) {
                    throw AwsErrorCode.INVALID_ACTION.error("rolehop local does not serve '" + service + "' (it serves "
                            + String.join(", ", new java.util.TreeSet<>(handlers.keySet())) + ")");
                }
                caller = authenticator.authenticate(request, auth);
                who = caller.arn();
                region = auth.region();
            } else {
                service = handler.service();
                who = "unsigned";
            }
            if (action.equals("-")) {
                throw AwsErrorCode.MISSING_ACTION.error();
            }
            if (throttle.next()) {
                throw (handler.ec2Errors() ? AwsErrorCode.REQUEST_LIMIT_EXCEEDED : AwsErrorCode.THROTTLING).error();
            }
            body = handler.handle(new ServiceCall(action, params, caller, region, requestId, clock.instant()));
        } catch (AwsException e) {
            outcome = e.error().code();
            status = e.error().status();
            body = errorBody(e, service, params, requestId);
        } catch (RuntimeException e) {
            // EC2 calls its own failures InternalError, STS and IAM InternalFailure.
            AwsException internal =
                    ("ec2".equals(service) ? AwsErrorCode.INTERNAL_ERROR : AwsErrorCode.INTERNAL_FAILURE).error();
            outcome = internal.error().code() + " ("
                    + Printable.line(e.getClass().getSimpleName() + ": " + e.getMessage()) + ")";
            status = internal.error().status();
            body = errorBody(internal, service, params, requestId);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        // Logged before the answer is sent, so a caller that has its answer finds the line logged.
        long ms = (System.nanoTime() - started) / 1_000_000;
        // Every field a client chose is escaped: a newline in Action cannot forge a log line.
        log.accept(Printable.field(who) + " " + (service == null ? "-" : Printable.field(service)) + " "
                + Printable.field(action) + " " + outcome + " " + ms + "ms");
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Whether the request carries a signature, in its Authorization header or its query string. */
    private static boolean signed(SignedRequest request, QueryParams params) {
        return request.header("Authorization") != null
                || params.get("X-Amz-Signature").isPresent()
                || params.get("X-Amz-Credential").isPresent();
    }

    /** The handler answering this action without a signature, or null when the action needs one. */
    private ServiceHandler unsignedHandler(String action) {
        return handlers.values().stream()
                .filter(h -> h.unsignedActions().contains(action))
                .findFirst()
                .orElse(null);
    }

    /** The service in a header signature's credential scope, or null when there is none to read. */
    private static String signedService(SignedRequest request) {
        try {
            return SigV4Verifier.parse(request, Map.of()).service();
        } catch (RuntimeException unsigned) {
            return null;
        }
    }

    private String errorBody(AwsException e, String service, QueryParams params, String requestId) {
        boolean ec2 = "ec2".equals(service)
                || (service == null
                        && params.get("Version").map(EC2_VERSION::equals).orElse(false));
        if (ec2) {
            return ErrorXml.ec2(e, requestId);
        }
        ServiceHandler handler = service == null ? null : handlers.get(service);
        return ErrorXml.query(e, requestId, handler == null ? null : handler.namespace());
    }

    private static Map<String, String> queryMap(QueryParams params) {
        Map<String, String> out = new HashMap<>();
        for (String name : List.of(
                "X-Amz-Algorithm",
                "X-Amz-Credential",
                "X-Amz-SignedHeaders",
                "X-Amz-Signature",
                "X-Amz-Date",
                "X-Amz-Security-Token",
                "X-Amz-Expires")) {
            params.get(name).ifPresent(v -> out.put(name, v));
        }
        return out;
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_BODY + 1);
        if (data.length > MAX_BODY) {
            throw AwsErrorCode.PAYLOAD_TOO_LARGE.error();
        }
        return data;
    }
}
