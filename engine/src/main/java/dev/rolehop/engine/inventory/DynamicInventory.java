package dev.rolehop.engine.inventory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes the inventory while a playbook runs, as Ansible's {@code add_dynamic_host} and
 * {@code add_dynamic_group} do for {@code add_host} and {@code group_by} results; each says whether
 * the inventory changed, which becomes the task's {@code changed}.
 */
public final class DynamicInventory {

    private final Inventory inventory;

    public DynamicInventory(Inventory inventory) {
        this.inventory = inventory;
    }

    /**
     * Adds the host if it is new (in group {@code all}, with no source), sets its variables (the
     * new ones replace those of the same name) and puts it in the groups, creating them.
     */
    public boolean addHost(String name, List<String> groups, Map<String, Object> vars) {
        boolean changed = false;
        Host host = inventory.hosts().get(name);
        if (host == null) {
            host = inventory.addRuntimeHost(name);
            changed = true;
        }
        Map<String, Object> combined = new LinkedHashMap<>(host.vars());
        combined.putAll(vars);
        if (!combined.equals(host.vars())) {
            host.vars().putAll(vars);
            changed = true;
        }
        for (String groupName : groups) {
            if (!inventory.groups().containsKey(groupName)) {
                changed = true;
            }
            Group group = inventory.addGroup(groupName);
            if (!group.hosts().contains(host)) {
                group.addHost(host);
                changed = true;
            }
        }
        if (changed) {
            inventory.reconcile();
        }
        return changed;
    }

    /**
     * Puts a host in a group, creating it and its parents as needed; Ansible counts a change when a
     * parent is new or becomes the group's parent, or the host joins the group.
     */
    public boolean addToGroup(Host host, String groupName, List<String> parents) {
        boolean changed = false;
        Group group = inventory.addGroup(groupName);
        for (String parentName : parents) {
            if (!inventory.groups().containsKey(parentName)) {
                changed = true;
            }
            Group parent = inventory.addGroup(parentName);
            if (!parent.children().contains(group) && group != parent) {
                parent.addChild(group);
                changed = true;
            }
        }
        if (!group.allHosts().contains(host)) {
            group.addHost(host);
            changed = true;
        }
        if (changed) {
            inventory.reconcile();
        }
        return changed;
    }
}
