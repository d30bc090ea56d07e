package dev.rolehop.engine.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosts and groups of a run, with groups {@code all} and {@code ungrouped} as Ansible has
 * them. When no inventory names {@code localhost}, an implicit one (not in {@code all}) answers
 * for the name, as in Ansible.
 */
public final class Inventory {

    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final Host implicitLocalhost = new Host("localhost", true);
    private final List<String> sources = new ArrayList<>();
    private String currentSource;
    private String currentDirectory;
    private boolean parsed;

    public Inventory() {
        groups.put("all", new Group("all"));
        groups.put("ungrouped", new Group("ungrouped"));
        groups.get("all").addChild(groups.get("ungrouped"));
        implicitLocalhost.vars().put("ansible_connection", "local");
    }

    /** Whether at least one inventory source was read. */
    public boolean parsed() {
        return parsed;
    }

    public void markParsed() {
        parsed = true;
    }

    /**
     * Starts reading a source: hosts first seen from now on get {@code inventory_file} (the
     * source) and {@code inventory_dir} (the folder of a file source, the folder itself, or None
     * for a host list), as Ansible sets them.
     */
    public void readingSource(String source, String directory) {
        currentSource = source;
        currentDirectory = directory;
    }

    /** Adds a source as given on the command line (a path made absolute, or a host list). */
    public void addSource(String source) {
        sources.add(source);
    }

    /** The sources given, as {@code ansible_inventory_sources} lists them. */
    public List<String> sources() {
        return List.copyOf(sources);
    }

    public Host addHost(String name) {
        return hosts.computeIfAbsent(name, n -> {
            Host host = new Host(n, false);
            if (currentSource != null) {
                host.vars().put("inventory_file", currentSource);
                host.vars().put("inventory_dir", currentDirectory);
            }
            return host;
        });
    }

    /**
     * Adds a host while the playbook runs ({@code add_host}): directly in {@code all}, from no
     * source, so {@code inventory_file} and {@code inventory_dir} are None, as Ansible sets them.
     */
    public Host addRuntimeHost(String name) {
        Host host = new Host(name, false);
        host.vars().put("inventory_file", null);
        host.vars().put("inventory_dir", null);
        hosts.put(name, host);
        groups.get("all").addHost(host);
        return host;
    }

    public Group addGroup(String name) {
        Group group = groups.computeIfAbsent(name, Group::new);
        if (!name.equals("all") && !name.equals("ungrouped")) {
            Group all = groups.get("all");
            if (!isDescendant(group, all)) {
                all.addChild(group);
            }
        }
        return group;
    }

    private boolean isDescendant(Group group, Group of) {
        return of.children().contains(group);
    }

    /**
     * Puts hosts that ended up in no group other than all into {@code ungrouped}, and takes those
     * that joined another group out of it, as Ansible's reconcile_inventory does.
     */
    public void reconcile() {
        for (Host host : hosts.values()) {
            boolean grouped = groups.values().stream()
                    .anyMatch(g -> !g.name().equals("all")
                            && !g.name().equals("ungrouped")
                            && g.hosts().contains(host));
            if (grouped) {
                groups.get("ungrouped").hosts().remove(host);
            } else {
                groups.get("ungrouped").addHost(host);
            }
        }
        // A group that became some other group's child is no longer a direct child of all.
        Group all = groups.get("all");
        for (Group group : new ArrayList<>(all.children())) {
            boolean nested = groups.values().stream()
                    .anyMatch(g -> g != all && g.children().contains(group));
            if (nested) {
                all.children().remove(group);
            }
        }
    }

    public Map<String, Host> hosts() {
        return hosts;
    }

    public Map<String, Group> groups() {
        return groups;
    }

    /** The host of that name; {@code localhost} is always found (the implicit one if not listed). */
    public Host host(String name) {
        Host host = hosts.get(name);
        if (host == null && isLocalhost(name)) {
            return implicitLocalhost;
        }
        return host;
    }

    static boolean isLocalhost(String name) {
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("::1");
    }

    /** The groups a host belongs to, directly or through a child group, parents before children. */
    public List<Group> groupsOf(Host host) {
        List<Group> out = new ArrayList<>();
        for (Group group : groups.values()) {
            if (group.allHosts().contains(host)) {
                out.add(group);
            }
        }
        return out;
    }
}
