package dev.rolehop.engine.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

/** A host of the inventory and the variables set on it directly (inventory file, host_vars/). */
public final class Host {

    private final String name;
    private final Map<String, Object> vars = new LinkedHashMap<>();
    private final boolean implicit;

    public Host(String name, boolean implicit) {
        this.name = name;
        this.implicit = implicit;
    }

    public String name() {
        return name;
    }

    public Map<String, Object> vars() {
        return vars;
    }

    /** Whether this is the implicit localhost Ansible adds when no inventory names it. */
    public boolean implicit() {
        return implicit;
    }

    @Override
    public String toString() {
        return name;
    }
}
