package dev.rolehop.local.sso;

import com.sun.net.httpserver.HttpExchange;
import dev.rolehop.local.state.JsonText;
import dev.rolehop.local.text.Printable;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The REST-JSON wire of the SSO services: request bodies and query strings in, a JSON answer or
 * an error ({@code x-amzn-ErrorType} header and JSON body) out, one log line per request naming
 * the operation and outcome, never a token.
 */
final class JsonExchange {

    private static final int MAX_BODY = 64 * 1024;

    private JsonExchange() {}

    /** A request as the operations see it. */
    record Request(
            String method, String path, Map<String, String> query, Map<String, Object> body, String bearerToken) {
        /** A required string member of the JSON body or query string. */
        String required(String name, SsoError missing) {
            Object value = body.containsKey(name) ? body.get(name) : query.get(name);
            if (!(value instanceof String text) || text.isEmpty()) {
                throw missing.error("'" + name + "' is required");
            }
            return text;
        }

        /** An optional string member of the body. */
        String optional(String name) {
            return body.get(name) instanceof String text ? text : null;
        }
    }

    /** The result of an operation: the JSON answer and who called (a user name, or "-"). */
    record Answer(Map<String, Object> body, String who) {}

    /**
     * Answers an exchange with {@code operation}, named {@code name} in the log line of
     * {@code service}.
     */
    static void serve(
            HttpExchange exchange,
            String service,
            Function<String, String> operationName,
            Function<Request, Answer> operation,
            Consumer<String> log)
            throws IOException {
        long started = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        String name = operationName.apply(path);
        int status = 200;
        String outcome = "OK";
        String who = "-";
        Map<String, Object> answer;
        try {
            if (name == null) {
                throw SsoError.INVALID_REQUEST.error("rolehop local serves no " + service + " operation at " + path);
            }
            Answer done = operation.apply(read(exchange));
            answer = done.body();
            who = done.who();
        } catch (SsoException e) {
            status = e.error().status();
            outcome = e.error().type();
            exchange.getResponseHeaders().set("x-amzn-ErrorType", e.error().type());
            answer = errorBody(e);
        }
        byte[] bytes = JsonText.line(answer).getBytes(StandardCharsets.UTF_8);
        long ms = (System.nanoTime() - started) / 1_000_000;
        log.accept(Printable.field(who) + " " + service + " " + Printable.field(name == null ? path : name) + " "
                + outcome + " " + ms + "ms");
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, Object> errorBody(SsoException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (e.error().oauthCode() != null) {
            body.put("error", e.error().oauthCode());
            body.put("error_description", e.getMessage());
        } else {
            body.put("message", e.getMessage());
        }
        return body;
    }

    private static Request read(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
        if (raw.length > MAX_BODY) {
            throw SsoError.INVALID_REQUEST.error("the request body exceeds 64 KiB");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        String text = new String(raw, StandardCharsets.UTF_8).strip();
        if (!text.isEmpty()) {
            Object parsed;
            try {
                // JSON is read as YAML (SnakeYAML is already here); the SDKs send plain JSON objects.
                parsed = new Yaml(new LoaderOptions()).load(text);
            } catch (YAMLException e) {
                throw SsoError.INVALID_REQUEST.error("the request body is not valid JSON");
            }
            if (!(parsed instanceof Map<?, ?> map)) {
                throw SsoError.INVALID_REQUEST.error("the request body is not a JSON object");
            }
            map.forEach((k, v) -> body.put(String.valueOf(k), v));
        }
        return new Request(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                query(exchange.getRequestURI().getRawQuery()),
                body,
                exchange.getRequestHeaders().getFirst("x-amz-sso_bearer_token"));
    }

    /** A query string or form body as names and values (the first of each name). */
    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw SsoError.PORTAL_INVALID_REQUEST.error("the query string is malformed");
            }
        }
        return out;
    }
}
