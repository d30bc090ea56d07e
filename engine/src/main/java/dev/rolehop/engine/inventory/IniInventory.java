package dev.rolehop.engine.inventory;

import dev.rolehop.engine.error.ParseError;
import dev.rolehop.engine.error.Position;
import dev.rolehop.engine.playbook.KeyValueArgs;
import dev.rolehop.engine.template.PythonLiteral;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads Ansible's INI inventory format: hosts with {@code k=v} variables, {@code [group]},
 * {@code [group:vars]} and {@code [group:children]} sections, {@code host[01:10]} ranges,
 * {@code #}/{@code ;} comments. Host variables are Python literals where they parse as one (as
 * Ansible's INI plugin does); section variables stay strings.
 */
final class IniInventory {

    private IniInventory() {}

    static void read(Inventory inventory, String text, Path file) {
        String section = "ungrouped";
        String kind = "hosts";
        String[] lines = text.split("\r?\n", -1);
        for (int number = 0; number < lines.length; number++) {
            String line = lines[number].strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            Position position = new Position(file.toString(), number + 1, 1);
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw new ParseError(
                            file + ":" + (number + 1) + ": Invalid section entry: '" + line
                                    + "'. Please make sure that there are no spaces in the section entry, and that there are no"
                                    + " other invalid characters",
                            position);
                }
                String header = line.substring(1, line.length() - 1);
                int colon = header.indexOf(':');
                section = colon < 0 ? header : header.substring(0, colon);
                kind = colon < 0 ? "hosts" : header.substring(colon + 1);
                if (!kind.equals("hosts") && !kind.equals("vars") && !kind.equals("children")) {
                    throw new ParseError(
                            file + ":" + (number + 1) + ": Section [" + header + "] has unknown type: " + kind,
                            position);
                }
                inventory.addGroup(section);
                continue;
            }
            switch (kind) {
                case "vars" -> {
                    int eq = line.indexOf('=');
                    if (eq < 0) {
                        throw new ParseError(
                                file + ":" + (number + 1) + ": Expected key=value, got: " + line, position);
                    }
                    inventory
                            .addGroup(section)
                            .vars()
                            .put(
                                    line.substring(0, eq).strip(),
                                    line.substring(eq + 1).strip());
                }
                case "children" -> inventory.addGroup(section).addChild(inventory.addGroup(line.split("\\s+")[0]));
                default -> hostLine(inventory, section, line);
            }
        }
    }

    private static void hostLine(Inventory inventory, String section, String line) {
        String[] parts = line.split("\\s+", 2);
        Map<String, Object> vars = parts.length > 1 ? KeyValueArgs.parse(parts[1], false) : Map.of();
        for (String name : HostRanges.expand(parts[0])) {
            Host host = inventory.addHost(name);
            vars.forEach((k, v) -> host.vars().put(k, literal(String.valueOf(v))));
            if (!section.equals("ungrouped")) {
                inventory.addGroup(section).addHost(host);
            }
        }
    }

    private static Object literal(String value) {
        return PythonLiteral.isLiteral(value) ? PythonLiteral.valueOf(value) : value;
    }
}
