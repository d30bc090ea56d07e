package dev.rolehop.engine.inventory;

import dev.rolehop.engine.error.ParseError;
import java.nio.file.Path;
import java.util.Map;

/** Reads Ansible's YAML inventory format: groups with {@code hosts}, {@code vars} and {@code children}. */
final class YamlInventory {

    private YamlInventory() {}

    static void read(Inventory inventory, Map<?, ?> data, Path file) {
        for (Map.Entry<?, ?> entry : data.entrySet()) {
            group(inventory, String.valueOf(entry.getKey()), entry.getValue(), file);
        }
    }

    private static void group(Inventory inventory, String name, Object body, Path file) {
        Group group = inventory.addGroup(name);
        if (body == null) {
            return;
        }
        if (!(body instanceof Map<?, ?> map)) {
            throw new ParseError("Invalid inventory " + file + ": group '" + name + "' must be a mapping", null);
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            switch (key) {
                case "hosts" -> {
                    if (value instanceof Map<?, ?> hosts) {
                        hosts.forEach((hostName, hostVars) -> {
                            for (String expanded : HostRanges.expand(String.valueOf(hostName))) {
                                Host host = inventory.addHost(expanded);
                                if (hostVars instanceof Map<?, ?> vars) {
                                    vars.forEach((k, v) -> host.vars().put(String.valueOf(k), v));
                                }
                                if (!name.equals("all") && !name.equals("ungrouped")) {
                                    group.addHost(host);
                                }
                            }
                        });
                    }
                }
                case "vars" -> {
                    if (value instanceof Map<?, ?> vars) {
                        vars.forEach((k, v) -> group.vars().put(String.valueOf(k), v));
                    }
                }
                case "children" -> {
                    if (value instanceof Map<?, ?> children) {
                        children.forEach((childName, childBody) -> {
                            group(inventory, String.valueOf(childName), childBody, file);
                            group.addChild(inventory.groups().get(String.valueOf(childName)));
                        });
                    }
                }
                default ->
                    throw new ParseError(
                            "Invalid inventory " + file + ": group '" + name + "' has an invalid key '" + key
                                    + "' (expected hosts, vars or children)",
                            null);
            }
        }
    }
}
