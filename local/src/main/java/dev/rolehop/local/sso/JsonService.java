package dev.rolehop.local.sso;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.function.Consumer;

/** A REST-JSON service: its operations by path, answered through {@link JsonExchange}. */
abstract class JsonService implements HttpHandler {

    private final String service;
    private final Map<String, String> operations;
    private final Consumer<String> log;

    /**
     * @param service the name in log lines ({@code sso-oidc}, {@code sso})
     * @param operations operation names by request path
     */
    JsonService(String service, Map<String, String> operations, Consumer<String> log) {
        this.service = service;
        this.operations = Map.copyOf(operations);
        this.log = log;
    }

    /** The paths this service serves. */
    final Iterable<String> paths() {
        return operations.keySet();
    }

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        JsonExchange.serve(exchange, service, operations::get, this::answer, log);
    }

    /** Answers a request to one of the paths. */
    abstract JsonExchange.Answer answer(JsonExchange.Request request);
}
