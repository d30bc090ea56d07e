package dev.rolehop.engine.delegate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * A collection's routing metadata: its {@code meta/runtime.yml} (for ansible.builtin,
 * ansible-core's {@code config/ansible_builtin_runtime.yml}): {@code plugin_routing} per plugin
 * type ({@code redirect}, {@code deprecation}, {@code tombstone}, {@code action_plugin}) and
 * {@code action_groups}.
 */
final class RuntimeMetadata {

    static final RuntimeMetadata EMPTY = new RuntimeMetadata(Map.of(), Map.of(), Map.of());

    private final Map<?, ?> modules;
    private final Map<?, ?> actions;
    private final Map<?, ?> actionGroups;

    private RuntimeMetadata(Map<?, ?> modules, Map<?, ?> actions, Map<?, ?> actionGroups) {
        this.modules = modules;
        this.actions = actions;
        this.actionGroups = actionGroups;
    }

    /**
     * Reads a runtime file; a missing file is no metadata. ansible-core's is ten thousand lines, so
     * a file in block style is indexed by its lines and an entry parsed only when asked for (the whole
     * file is parsed when its layout is anything else).
     *
     * @throws IOException when it cannot be read or is not YAML
     */
    static RuntimeMetadata load(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return EMPTY;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        try {
            RuntimeMetadata indexed = indexed(lines, file);
            if (indexed != null) {
                return indexed;
            }
        } catch (RuntimeException e) {
            // fall back to parsing the whole file, which reports a real YAML error with its place
        }
        Object data;
        try {
            data = yaml().load(String.join("\n", lines));
        } catch (RuntimeException e) {
            throw new IOException(file + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(data instanceof Map<?, ?> root)) {
            return EMPTY;
        }
        Map<?, ?> routing = map(root.get("plugin_routing"));
        return new RuntimeMetadata(
                map(routing.get("modules")), map(routing.get("action")), map(root.get("action_groups")));
    }

    /** The file indexed by its block-style keys, or {@code null} when it is laid out otherwise. */
    private static RuntimeMetadata indexed(List<String> lines, Path file) {
        Map<String, int[]> top = keys(lines, 0, lines.size(), 0);
        if (top == null) {
            return null;
        }
        Map<?, ?> modules = Map.of();
        Map<?, ?> actions = Map.of();
        int[] routing = top.get("plugin_routing");
        if (routing != null) {
            Map<String, int[]> types = children(lines, routing);
            if (types == null) {
                return null;
            }
            modules = lazy(lines, types.get("modules"), file);
            actions = lazy(lines, types.get("action"), file);
            if (modules == null || actions == null) {
                return null;
            }
        }
        int[] groups = top.get("action_groups");
        Map<?, ?> actionGroups = groups == null ? Map.of() : lazy(lines, groups, file);
        if (actionGroups == null) {
            return null;
        }
        return new RuntimeMetadata(modules, actions, actionGroups);
    }

    /** The entries below a key, each parsed when first asked for. */
    private static Map<?, ?> lazy(List<String> lines, int[] block, Path file) {
        if (block == null) {
            return Map.of();
        }
        Map<String, int[]> entries = children(lines, block);
        if (entries == null) {
            return null;
        }
        Map<String, Object> out = new java.util.concurrent.ConcurrentHashMap<>();
        return new java.util.AbstractMap<String, Object>() {
            @Override
            public Object get(Object key) {
                int[] entry = entries.get(String.valueOf(key));
                if (entry == null) {
                    return null;
                }
                return out.computeIfAbsent(String.valueOf(key), k -> {
                    Object value = parse(lines, entry, entry[2]).get(k);
                    return value == null ? Map.of() : value;
                });
            }

            @Override
            public java.util.Set<Entry<String, Object>> entrySet() {
                java.util.Set<Entry<String, Object>> all = new java.util.LinkedHashSet<>();
                entries.keySet().forEach(k -> all.add(Map.entry(k, get(k))));
                return all;
            }
        };
    }

    /** The keys one level below the key of {@code block} ({@code [start, end, indent]}). */
    private static Map<String, int[]> children(List<String> lines, int[] block) {
        int first = block[0] + 1;
        while (first < block[1] && blank(lines.get(first))) {
            first++;
        }
        if (first >= block[1]) {
            return Map.of();
        }
        int indent = indent(lines.get(first));
        if (indent <= block[2]) {
            return null;
        }
        return keys(lines, first, block[1], indent);
    }

    /** The block-style keys at exactly {@code indent} between two lines, each with its lines; null if anything else is there. */
    private static Map<String, int[]> keys(List<String> lines, int from, int to, int indent) {
        Map<String, int[]> out = new LinkedHashMap<>();
        String current = null;
        int start = -1;
        for (int i = from; i < to; i++) {
            String line = lines.get(i);
            if (blank(line) || line.startsWith("---")) {
                continue;
            }
            if (line.indexOf('\t') >= 0) {
                return null;
            }
            int at = indent(line);
            if (at > indent) {
                if (current == null) {
                    return null;
                }
                continue;
            }
            if (at < indent) {
                return null;
            }
            if (line.startsWith("- ", at) || line.length() == at + 1 && line.charAt(at) == '-') {
                // a sequence in compact style belongs to the key above it
                if (current == null) {
                    return null;
                }
                continue;
            }
            String key = key(line, at);
            if (key == null) {
                return null;
            }
            if (current != null) {
                out.put(current, new int[] {start, i, indent});
            }
            current = key;
            start = i;
        }
        if (current != null) {
            out.put(current, new int[] {start, to, indent});
        }
        return out;
    }

    private static Map<?, ?> parse(List<String> lines, int[] block, int indent) {
        StringBuilder text = new StringBuilder();
        for (int i = block[0]; i < block[1]; i++) {
            String line = lines.get(i);
            text.append(line.length() >= indent ? line.substring(Math.min(indent, indent(line))) : line.strip())
                    .append('\n');
        }
        return map(yaml().load(text.toString()));
    }

    /** The plain key of a {@code key:} line at {@code indent}, or {@code null} when the line is anything else. */
    private static String key(String line, int indent) {
        int colon = line.indexOf(':', indent);
        while (colon >= 0 && colon + 1 < line.length() && line.charAt(colon + 1) != ' ') {
            colon = line.indexOf(':', colon + 1);
        }
        if (colon <= indent) {
            return null;
        }
        String key = line.substring(indent, colon).strip();
        char first = key.charAt(0);
        if ("#'\"{[&*!|>%@`-?".indexOf(first) >= 0 || key.indexOf('#') >= 0) {
            return null;
        }
        return key;
    }

    private static boolean blank(String line) {
        String stripped = line.strip();
        return stripped.isEmpty() || stripped.startsWith("#");
    }

    private static int indent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    /** The routing entry of a module ({@code resource} with its subdirectories, dot-separated), or an empty map. */
    Map<?, ?> module(String resource) {
        return map(modules.get(resource));
    }

    /** The routing entry of an action plugin, or an empty map. */
    Map<?, ?> action(String resource) {
        return map(actions.get(resource));
    }

    /** The action groups, by name: each a list of action names (and a {@code metadata} mapping). */
    Map<String, List<?>> actionGroups() {
        Map<String, List<?>> out = new LinkedHashMap<>();
        actionGroups.forEach((name, members) -> {
            if (members instanceof List<?> list) {
                out.put(String.valueOf(name), list);
            }
        });
        return out;
    }

    private static Map<?, ?> map(Object value) {
        return value instanceof Map<?, ?> map ? map : Map.of();
    }

    /**
     * A safe YAML loader that keeps dates as text ({@code removal_date: 2019-11-06}), as Ansible
     * prints them.
     */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(64 * 1024 * 1024);
        Resolver resolver = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.BOOL, BOOL, "yYnNtTfFoO");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.INT, INT, "-+0123456789");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.FLOAT, FLOAT, "-+0123456789.");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.MERGE, MERGE, "<");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(org.yaml.snakeyaml.nodes.Tag.NULL, EMPTY, null);
            }
        };
        return new Yaml(
                new SafeConstructor(options),
                new Representer(new org.yaml.snakeyaml.DumperOptions()),
                new org.yaml.snakeyaml.DumperOptions(),
                options,
                resolver);
    }
}
