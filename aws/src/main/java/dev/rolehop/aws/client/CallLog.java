package dev.rolehop.aws.client;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The AWS calls one task made, attempt by attempt (retries included), shown at {@code -vvv}
 * and returned as {@code resource_actions} when asked. One per task; thread-safe.
 */
public final class CallLog {

    /** One HTTP attempt of an AWS operation. */
    public record Call(String service, String operation, int attempt) {}

    private final List<Call> calls = new ArrayList<>();
    private final BiConsumer<Integer, String> log;
    // Whether an operation has started and not finished: a further attempt of it is a retry.
    private boolean inFlight;

    /** @param log where to write diagnostics: (minimum verbosity, message) */
    public CallLog(BiConsumer<Integer, String> log) {
        this.log = log;
    }

    /** Records (and logs at verbosity 3) one HTTP attempt. */
    synchronized void attempt(String service, String operation, String endpoint) {
        int attempt = 1;
        if (!calls.isEmpty()) {
            Call last = calls.get(calls.size() - 1);
            attempt = last.service().equals(service) && last.operation().equals(operation) && inFlight
                    ? last.attempt() + 1
                    : 1;
        }
        inFlight = true;
        calls.add(new Call(service, operation, attempt));
        log.accept(
                3,
                "AWS call " + calls.size() + ": " + service + " " + operation
                        + (attempt > 1 ? " (retry " + (attempt - 1) + ")" : "") + " -> " + endpoint);
    }

    /** Marks the end of an operation (success or final failure), so the next call starts at attempt 1. */
    synchronized void finished() {
        inFlight = false;
    }

    /** The retries of the most recent operation. */
    public synchronized int lastRetries() {
        return calls.isEmpty() ? 0 : calls.get(calls.size() - 1).attempt() - 1;
    }

    /** The distinct {@code service:Operation} names, as amazon.aws's {@code resource_actions}. */
    public synchronized List<String> resourceActions() {
        return calls.stream()
                .map(c -> c.service() + ":" + c.operation())
                .distinct()
                .toList();
    }
}
