package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code add_host}: asks for a host (and its groups and variables) to be added to the run's
 * inventory, as Ansible 2.14's action plugin does. The module only describes the host under
 * {@code add_host}; the strategy changes the inventory and decides {@code changed}. It runs once
 * per task, for the first host (Ansible's {@code BYPASS_HOST_LOOP}).
 */
public final class AddHostModule implements ActionModule {

    /** Arguments that are not host variables; {@code host} and {@code group} are, as in Ansible. */
    private static final Set<String> SPECIAL = Set.of("name", "hostname", "groupname", "groups");
    /** {@code name:port}, {@code [ipv6]:port}: Ansible's parse_address takes the port off. */
    private static final Pattern WITH_PORT = Pattern.compile("^(?:\\[([^\\]]+)\\]|([^:\\[\\]]+)):(\\d+)$");

    @Override
    public String name() {
        return "ansible.builtin.add_host";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("add_host", "ansible.legacy.add_host");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of();
    }

    @Override
    public boolean acceptsAnyArguments() {
        return true;
    }

    @Override
    public boolean bypassesHostLoop() {
        return true;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ActionContext context) {
        Map<String, Object> given = new LinkedHashMap<>(args.asMap());
        Object newName = first(given, "name", "hostname", "host");
        if (newName == null) {
            throw ActionFailure.of("name, host or hostname needs to be provided");
        }
        String name = String.valueOf(newName);
        Matcher address = WITH_PORT.matcher(name);
        if (address.matches()) {
            name = address.group(1) != null ? address.group(1) : address.group(2);
            given.put("ansible_ssh_port", Long.parseLong(address.group(3)));
        }
        List<String> groups = groups(first(given, "groupname", "groups", "group"));
        Map<String, Object> hostVars = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            if (!SPECIAL.contains(key)) {
                hostVars.put(key, value);
            }
        });
        Map<String, Object> addHost = new LinkedHashMap<>();
        addHost.put("host_name", name);
        addHost.put("groups", groups);
        addHost.put("host_vars", hostVars);
        return ModuleResult.ok(Map.of("add_host", addHost));
    }

    /** The value of the first of the names given (Ansible's nested {@code args.get} defaults). */
    private static Object first(Map<String, Object> args, String... names) {
        for (String name : names) {
            if (args.containsKey(name)) {
                return args.get(name);
            }
        }
        return null;
    }

    /** A list as it is, a string split at commas; each name stripped, repeats left out. */
    private static List<String> groups(Object value) {
        List<String> groups = new ArrayList<>();
        if (value == null || value instanceof String s && s.isEmpty() || value instanceof List<?> l && l.isEmpty()) {
            return groups;
        }
        List<?> names;
        if (value instanceof List<?> list) {
            names = list;
        } else if (value instanceof String text) {
            names = List.of(text.split(",", -1));
        } else {
            throw ActionFailure.of("Groups must be specified as a list.");
        }
        for (Object group : names) {
            String stripped = String.valueOf(group).strip();
            if (!groups.contains(stripped)) {
                groups.add(stripped);
            }
        }
        return groups;
    }
}
