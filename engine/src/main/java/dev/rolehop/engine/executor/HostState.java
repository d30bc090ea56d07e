package dev.rolehop.engine.executor;

import dev.rolehop.engine.inventory.Host;
import dev.rolehop.engine.playbook.Task;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the run knows about one host: facts, set_fact/registered values, failure, notified handlers.
 *
 * <p>Only the strategy's thread changes it, through the named transitions below; the variable maps
 * are replaced, never changed in place, so a {@link View} taken for a worker stays as it was while
 * the strategy goes on recording other hosts' results.
 */
public final class HostState {

    private final Host host;
    private Map<String, Object> facts = Map.of();
    private Map<String, Object> hostFacts = Map.of();
    private Map<String, Object> includedVars = Map.of();
    private final Set<Task> notified = new LinkedHashSet<>();
    private boolean failed;
    private boolean unreachable;
    private boolean ended;

    public HostState(Host host) {
        this.host = host;
    }

    /**
     * The variables of a host as they were when the view was taken, for building a task's
     * variables off the strategy's thread.
     */
    public record View(
            Map<String, Object> facts,
            Map<String, Object> hostFacts,
            Map<String, Object> includedVars,
            boolean active) {

        static final View EMPTY = new View(Map.of(), Map.of(), Map.of(), true);
    }

    public Host host() {
        return host;
    }

    public String name() {
        return host.name();
    }

    View view() {
        return new View(facts, hostFacts, includedVars, active());
    }

    /** Gathered facts and the facts modules return ({@code ansible_facts}), read-only. */
    public Map<String, Object> facts() {
        return facts;
    }

    /** {@code set_fact} and {@code register} values, read-only. */
    public Map<String, Object> hostFacts() {
        return hostFacts;
    }

    /** {@code include_vars} values, read-only. */
    public Map<String, Object> includedVars() {
        return includedVars;
    }

    /** Records facts a module returned (gather_facts, setup, ...). */
    void addFacts(Map<?, ?> values) {
        facts = merged(facts, values);
    }

    /** Records {@code set_fact} values. */
    void setFacts(Map<?, ?> values) {
        hostFacts = merged(hostFacts, values);
    }

    /** Records a registered result, or {@code ansible_failed_result}/{@code ansible_failed_task}. */
    void register(String name, Object value) {
        hostFacts = merged(hostFacts, Collections.singletonMap(name, value));
    }

    /** Records the variables of an {@code include_vars}. */
    void includeVars(Map<?, ?> values) {
        includedVars = merged(includedVars, values);
    }

    /** Notifies a handler for this host; false when it was notified already. */
    boolean notify(Task handler) {
        return notified.add(handler);
    }

    /** Takes a handler's notification for this host; false when it was not notified. */
    boolean takeNotification(Task handler) {
        return notified.remove(handler);
    }

    public boolean failed() {
        return failed;
    }

    /** The host failed a task: no more tasks run for it, unless a rescue or always section takes it. */
    void fail() {
        failed = true;
    }

    /** A rescue or always section takes the failed host back. */
    void recover() {
        failed = false;
    }

    public boolean unreachable() {
        return unreachable;
    }

    void markUnreachable() {
        unreachable = true;
    }

    /** Whether {@code meta: end_host}/{@code end_play} ended this host's play. */
    public boolean ended() {
        return ended;
    }

    /** {@code meta: end_host} or {@code end_play} ended the host's play. */
    void end() {
        ended = true;
    }

    /** A new play starts for the host: what ended the last play no longer applies. */
    void startPlay() {
        ended = false;
    }

    /** Whether tasks still run for this host. */
    public boolean active() {
        return !failed && !unreachable && !ended;
    }

    private static Map<String, Object> merged(Map<String, Object> current, Map<?, ?> values) {
        Map<String, Object> next = new LinkedHashMap<>(current);
        values.forEach((k, v) -> next.put(String.valueOf(k), v));
        return Collections.unmodifiableMap(next);
    }
}
