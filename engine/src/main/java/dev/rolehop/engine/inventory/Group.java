package dev.rolehop.engine.inventory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An inventory group: its own hosts, its child groups, and its variables. */
public final class Group {

    private final String name;
    private final List<Host> hosts = new ArrayList<>();
    private final List<Group> children = new ArrayList<>();
    private final Map<String, Object> vars = new LinkedHashMap<>();

    public Group(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public List<Host> hosts() {
        return hosts;
    }

    public List<Group> children() {
        return children;
    }

    public Map<String, Object> vars() {
        return vars;
    }

    public void addHost(Host host) {
        if (!hosts.contains(host)) {
            hosts.add(host);
        }
    }

    public void addChild(Group child) {
        if (!children.contains(child) && child != this) {
            children.add(child);
        }
    }

    /**
     * Every host of this group and its descendants, in inventory order, without repeats; for
     * {@code all}, without the implicit localhost (which group_by may have put in a group).
     */
    public List<Host> allHosts() {
        List<Host> all = new ArrayList<>();
        collect(this, all, new ArrayList<>());
        if (name.equals("all")) {
            all.removeIf(Host::implicit);
        }
        return all;
    }

    private static void collect(Group group, List<Host> out, List<Group> seen) {
        if (seen.contains(group)) {
            return;
        }
        seen.add(group);
        for (Host host : group.hosts) {
            if (!out.contains(host)) {
                out.add(host);
            }
        }
        for (Group child : group.children) {
            collect(child, out, seen);
        }
    }
}
