package dev.rolehop.engine.executor;

import dev.rolehop.engine.inventory.Host;
import dev.rolehop.engine.playbook.Task;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What the run knows about one host: facts, set_fact/registered values, failure, notified handlers. */
public final class HostState {

    private final Host host;
    private final Map<String, Object> facts = new LinkedHashMap<>();
    private final Map<String, Object> hostFacts = new LinkedHashMap<>();
    private final Map<String, Object> includedVars = new LinkedHashMap<>();
    private final Set<Task> notified = new LinkedHashSet<>();
    private boolean failed;
    private boolean unreachable;
    private boolean ended;

    public HostState(Host host) {
        this.host = host;
    }

    public Host host() {
        return host;
    }

    public String name() {
        return host.name();
    }

    /** Gathered facts ({@code ansible_facts}). */
    public synchronized Map<String, Object> facts() {
        return facts;
    }

    /** {@code set_fact} and {@code register} values. */
    public synchronized Map<String, Object> hostFacts() {
        return hostFacts;
    }

    /** {@code include_vars} values. */
    public synchronized Map<String, Object> includedVars() {
        return includedVars;
    }

    public synchronized Set<Task> notified() {
        return notified;
    }

    public synchronized boolean failed() {
        return failed;
    }

    public synchronized void failed(boolean value) {
        failed = value;
    }

    public synchronized boolean unreachable() {
        return unreachable;
    }

    public synchronized void unreachable(boolean value) {
        unreachable = value;
    }

    /** Whether {@code meta: end_host}/{@code end_play} ended this host's play. */
    public synchronized boolean ended() {
        return ended;
    }

    public synchronized void ended(boolean value) {
        ended = value;
    }

    /** Whether tasks still run for this host. */
    public synchronized boolean active() {
        return !failed && !unreachable && !ended;
    }
}
