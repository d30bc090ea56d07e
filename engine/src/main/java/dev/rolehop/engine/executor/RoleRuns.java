package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.RoleScope;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which roles of a play have run on which hosts, for Ansible's rule that a role runs once per play
 * and host with the same parameters (unless it allows duplicates): a role has run on a host once
 * one of its own tasks ran there (ok or failed, not skipped) and the host reached the role's end.
 */
final class RoleRuns {

    private final Map<RoleScope.Identity, Set<String>> started = new HashMap<>();
    private final Map<RoleScope.Identity, Set<String>> completed = new HashMap<>();

    /** Records that a task of the role ran on the host. */
    synchronized void taskRan(RoleScope role, String host) {
        started.computeIfAbsent(role.identity(), k -> new HashSet<>()).add(host);
    }

    /** The host reached the end of the role: it has run there if one of its tasks did. */
    synchronized void reachedEnd(RoleScope role, String host) {
        if (started.getOrDefault(role.identity(), Set.of()).contains(host)) {
            completed.computeIfAbsent(role.identity(), k -> new HashSet<>()).add(host);
        }
    }

    /** Whether the role's tasks are passed over on the host: it has run there and allows no duplicates. */
    synchronized boolean hasRun(RoleScope role, String host) {
        return !role.allowDuplicates()
                && completed.getOrDefault(role.identity(), Set.of()).contains(host);
    }
}
