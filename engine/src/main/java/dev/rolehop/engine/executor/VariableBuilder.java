package dev.rolehop.engine.executor;

import dev.rolehop.engine.inventory.Group;
import dev.rolehop.engine.inventory.Host;
import dev.rolehop.engine.playbook.Role;
import dev.rolehop.engine.playbook.Scope;
import dev.rolehop.engine.template.OpaqueVariables;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Assembles the variables a task sees on a host, lowest precedence first as Ansible documents:
 * role defaults, inventory group vars (all, then parents before children), host vars, facts, play
 * vars, vars_prompt, vars_files, role vars, block and task vars, include_vars, set_fact and
 * registered values, role and include parameters, extra vars, and finally the magic variables.
 */
final class VariableBuilder {

    private static final Map<String, Object> ANSIBLE_VERSION =
            Map.of("full", "2.14.18", "major", 2L, "minor", 14L, "revision", 18L, "string", "2.14.18");

    private VariableBuilder() {}

    /** A task's variables on a host, from the hosts' state as it is now (on the strategy's thread). */
    static Map<String, Object> build(PlayContext play, Host host, Scope scope, Map<String, Object> extra) {
        return build(play, play.snapshot(), host, scope, extra);
    }

    /**
     * A task's variables on a host, from a snapshot of the hosts' state: what a worker gets, so
     * that neither its variables nor the {@code hostvars} it reads change while it runs.
     */
    static Map<String, Object> build(
            PlayContext play, PlayContext.Snapshot snapshot, Host host, Scope scope, Map<String, Object> extra) {
        Map<String, Object> vars = new LinkedHashMap<>();
        HostState.View state = snapshot.of(host);
        Role role = scope == null ? null : scope.role();
        vars.putAll(play.roleDefaults);
        if (role != null) {
            vars.putAll(role.defaults());
        }
        vars.putAll(inventoryVars(play, host));
        Map<String, Object> facts = state.facts();
        vars.putAll(facts);
        vars.put("ansible_facts", new LinkedHashMap<>(factsWithoutPrefix(facts)));
        putAll(vars, play.play.own("vars"));
        vars.putAll(play.promptVars);
        vars.putAll(play.varsFiles);
        vars.putAll(play.roleVars);
        if (role != null) {
            vars.putAll(role.vars());
        }
        if (scope != null) {
            vars.putAll(scope.scopedVars());
        }
        vars.putAll(state.includedVars());
        vars.putAll(state.hostFacts());
        if (scope != null) {
            vars.putAll(scope.params());
        }
        vars.putAll(extra);
        vars.putAll(play.options.extraVars());
        magic(vars, play, snapshot, host, role);
        return vars;
    }

    static Map<String, Object> inventoryVars(PlayContext play, Host host) {
        Map<String, Object> vars = new LinkedHashMap<>();
        List<Group> groups = new ArrayList<>(play.inventory.groupsOf(host));
        groups.sort(Comparator.comparingInt(g -> depth(play, g)));
        for (Group group : groups) {
            vars.putAll(group.vars());
        }
        vars.putAll(host.vars());
        return vars;
    }

    private static int depth(PlayContext play, Group group) {
        if (group.name().equals("all")) {
            return 0;
        }
        int depth = 1;
        Group current = group;
        Set<Group> seen = new HashSet<>();
        boolean moved = true;
        while (moved && seen.add(current)) {
            moved = false;
            for (Group candidate : play.inventory.groups().values()) {
                if (!candidate.name().equals("all") && candidate.children().contains(current)) {
                    current = candidate;
                    depth++;
                    moved = true;
                    break;
                }
            }
        }
        return depth;
    }

    private static Map<String, Object> factsWithoutPrefix(Map<String, Object> facts) {
        Map<String, Object> out = new LinkedHashMap<>();
        facts.forEach((k, v) -> out.put(k.startsWith("ansible_") ? k.substring(8) : k, v));
        return out;
    }

    private static void putAll(Map<String, Object> vars, Object map) {
        if (map instanceof Map<?, ?> m) {
            m.forEach((k, v) -> vars.put(String.valueOf(k), v));
        }
    }

    private static void magic(
            Map<String, Object> vars, PlayContext play, PlayContext.Snapshot snapshot, Host host, Role role) {
        vars.put("inventory_hostname", host.name());
        vars.put("inventory_hostname_short", host.name().split("\\.")[0]);
        vars.put("playbook_dir", play.play.playbookDir().toString());
        vars.put("ansible_play_name", play.play.name());
        List<String> hosts = play.hostsAll().stream().map(Host::name).toList();
        List<String> active = play.hostsAll().stream()
                .filter(h -> snapshot.of(h).active())
                .map(Host::name)
                .toList();
        vars.put("ansible_play_hosts_all", hosts);
        vars.put("ansible_play_hosts", active);
        vars.put("play_hosts", active);
        vars.put("ansible_play_batch", play.batch.stream().map(Host::name).toList());
        vars.put("ansible_check_mode", play.options.check());
        vars.put("ansible_diff_mode", play.options.diff());
        vars.put("ansible_verbosity", (long) play.options.verbosity());
        vars.put("ansible_forks", (long) play.options.forks());
        vars.put("ansible_version", ANSIBLE_VERSION);
        vars.put("ansible_run_tags", play.options.tags().isEmpty() ? List.of("all") : play.options.tags());
        vars.put("ansible_skip_tags", play.options.skipTags());
        vars.put("ansible_inventory_sources", play.inventory.sources());
        vars.put("ansible_config_file", null);
        vars.put("groups", groups(play));
        List<String> groupNames = new ArrayList<>();
        for (Group group : play.inventory.groupsOf(host)) {
            if (!group.name().equals("all")) {
                groupNames.add(group.name());
            }
        }
        groupNames.sort(null);
        vars.put("group_names", groupNames);
        if (role != null) {
            vars.put("role_name", role.name());
            vars.put("ansible_role_name", role.name());
            vars.put("role_path", role.path().toString());
        }
        vars.put("hostvars", new HostVars(play, snapshot));
        vars.put("vars", new VarsView(vars));
    }

    private static Map<String, Object> groups(PlayContext play) {
        Map<String, Object> groups = new LinkedHashMap<>();
        for (Group group : play.inventory.groups().values()) {
            groups.put(group.name(), group.allHosts().stream().map(Host::name).toList());
        }
        return groups;
    }

    /** {@code hostvars}: every inventory host's variables, built only when a template reads them. */
    private static final class HostVars extends AbstractMap<String, Object> implements OpaqueVariables {
        private final PlayContext play;
        private final PlayContext.Snapshot snapshot;

        HostVars(PlayContext play, PlayContext.Snapshot snapshot) {
            this.play = play;
            this.snapshot = snapshot;
        }

        @Override
        public Object get(Object key) {
            Host host = play.inventory.host(String.valueOf(key));
            return host == null ? null : build(play, snapshot, host, null, Map.of());
        }

        @Override
        public boolean containsKey(Object key) {
            return play.inventory.host(String.valueOf(key)) != null;
        }

        /** By identity: each host's variables hold {@code hostvars} again, so hashing the content never ends. */
        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int size() {
            return hosts().size();
        }

        /**
         * The entries, not hashed: every host's variables contain {@code hostvars} again, so hashing
         * them would never end.
         */
        @Override
        public Set<Entry<String, Object>> entrySet() {
            List<Entry<String, Object>> entries = new ArrayList<>();
            for (Host host : hosts()) {
                entries.add(new SimpleEntry<>(host.name(), build(play, snapshot, host, null, Map.of())));
            }
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return entries.iterator();
                }

                @Override
                public int size() {
                    return entries.size();
                }
            };
        }

        private List<Host> hosts() {
            List<Host> all = new ArrayList<>(play.inventory.hosts().values());
            if (all.isEmpty()) {
                all.add(play.inventory.host("localhost"));
            }
            return all;
        }
    }

    /** {@code vars}: every variable by name, values as written (not rendered on access). */
    private static final class VarsView extends LinkedHashMap<String, Object> implements OpaqueVariables {
        private static final long serialVersionUID = 1L;

        VarsView(Map<String, Object> vars) {
            super(vars);
        }
    }
}
