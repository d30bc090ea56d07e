package dev.rolehop.engine.executor;

import dev.rolehop.engine.inventory.Host;
import dev.rolehop.engine.inventory.Inventory;
import dev.rolehop.engine.playbook.Play;
import dev.rolehop.engine.playbook.RoleScope;
import dev.rolehop.engine.playbook.Scope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The state of one play's run: its hosts and their states, and the play-level variables read at its start. */
final class PlayContext {

    final Play play;
    final Inventory inventory;
    final RunOptions options;
    final Stats stats;
    final Map<String, HostState> states;
    final List<Host> hosts;
    /** Hosts add_host added while the play runs: Ansible counts them among the play's hosts, not its batch. */
    private final List<Host> added = new java.util.concurrent.CopyOnWriteArrayList<>();

    List<Host> batch;
    final Map<String, Object> varsFiles = new LinkedHashMap<>();
    final Map<String, Object> promptVars = new LinkedHashMap<>();
    final Map<String, Object> roleDefaults = new LinkedHashMap<>();
    final Map<String, Object> roleVars = new LinkedHashMap<>();
    final RoleRuns roleRuns = new RoleRuns();
    /**
     * The play's handlers as loaded ({@link Play#handlers()}), then those of each role an
     * {@code include_role} loads while the play runs: Ansible appends them, so they can be notified.
     */
    final List<Scope> handlers;

    boolean ended;
    /**
     * Hosts of the current batch whose failure is final (not ignored, no rescue or always section
     * left to handle it): Ansible's TQM failed hosts.
     */
    final Set<String> failedInBatch = new LinkedHashSet<>();
    /** Whether any_errors_fatal or max_fail_percentage stopped the play: no later batch or play runs. */
    boolean broken;

    PlayContext(
            Play play,
            Inventory inventory,
            RunOptions options,
            Stats stats,
            Map<String, HostState> states,
            List<Host> hosts) {
        this.play = play;
        this.stats = stats;
        this.inventory = inventory;
        this.options = options;
        this.states = states;
        this.hosts = List.copyOf(hosts);
        this.batch = this.hosts;
        this.handlers = new ArrayList<>(play.handlers());
        for (RoleScope role : play.roles()) {
            collectRoles(role);
        }
    }

    /** Defaults and vars of every role in the play are visible play-wide, as with Ansible's default settings. */
    private void collectRoles(RoleScope role) {
        for (Scope item : role.tasks()) {
            if (item instanceof RoleScope dependency) {
                collectRoles(dependency);
            }
        }
        roleDefaults.putAll(role.roleDefinition().defaults());
        roleVars.putAll(role.roleDefinition().vars());
    }

    /** The play's hosts, then those add_host added ({@code ansible_play_hosts_all}). */
    List<Host> hostsAll() {
        List<Host> all = new ArrayList<>(hosts);
        all.addAll(added);
        return all;
    }

    void hostAdded(Host host) {
        added.add(host);
    }

    HostState state(Host host) {
        return states.computeIfAbsent(host.name(), n -> new HostState(host));
    }

    /**
     * The variables and activity of every host as they are now. Variables built from it stay as
     * they are while the strategy records later results: {@code hostvars} reads through it lazily,
     * on a worker's thread.
     */
    Snapshot snapshot() {
        Map<String, HostState.View> views = new LinkedHashMap<>();
        states.forEach((name, state) -> views.put(name, state.view()));
        return new Snapshot(views);
    }

    /** Every host's state at one moment; a host the run has no state for yet has none of its own variables. */
    record Snapshot(Map<String, HostState.View> views) {

        HostState.View of(Host host) {
            return views.getOrDefault(host.name(), HostState.View.EMPTY);
        }
    }

    List<HostState> batchStates() {
        List<HostState> out = new ArrayList<>();
        for (Host host : batch) {
            out.add(state(host));
        }
        return out;
    }
}
