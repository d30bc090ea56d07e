package dev.rolehop.local.world;

import dev.rolehop.local.text.Printable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping of the world file with typed, validated access; every error names
 * {@code file:line:column}, the key and the fix.
 */
final class YamlMap {

    private final String file;
    private final Node node;
    private final Map<String, Node> values = new LinkedHashMap<>();
    private final Map<String, Node> keys = new LinkedHashMap<>();

    YamlMap(String file, Node node, String what, Set<String> allowed) {
        this.file = file;
        this.node = node;
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, what + " must be a mapping");
        }
        for (NodeTuple t : mapping.getValue()) {
            String key = scalarText(t.getKeyNode(), "a key");
            if (!allowed.contains(key)) {
                throw error(
                        t.getKeyNode(),
                        "'" + Printable.line(key) + "' is not a valid key for " + what + " (valid: "
                                + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
            if (values.containsKey(key)) {
                throw error(t.getKeyNode(), "'" + Printable.line(key) + "' is given twice in " + what);
            }
            values.put(key, t.getValueNode());
            keys.put(key, t.getKeyNode());
        }
    }

    /** A required string matching a pattern; {@code rule} tells the user what is expected. */
    String string(String key, Pattern pattern, String rule) {
        Node value = values.get(key);
        if (value == null) {
            throw error(node, "missing required key '" + key + "'");
        }
        String text = scalarText(value, "'" + key + "'");
        if (pattern != null && !pattern.matcher(text).matches()) {
            throw error(value, "'" + key + "' value '" + Printable.line(text) + "' is not valid: " + rule);
        }
        return text;
    }

    /** A required secret string; errors never repeat its value. */
    String secret(String key, Pattern pattern, String rule) {
        Node value = values.get(key);
        if (value == null) {
            throw error(node, "missing required key '" + key + "'");
        }
        String text = scalarText(value, "'" + key + "'");
        if (pattern != null && !pattern.matcher(text).matches()) {
            throw error(value, "'" + key + "' is not valid: " + rule);
        }
        return text;
    }

    /** An optional string; null when absent. */
    String optionalString(String key, Pattern pattern, String rule) {
        return values.containsKey(key) ? string(key, pattern, rule) : null;
    }

    /** An optional integer within bounds, or the default. */
    int integer(String key, int min, int max, int defaultValue) {
        Node value = values.get(key);
        if (value == null) {
            return defaultValue;
        }
        String text = scalarText(value, "'" + key + "'");
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // Reported below with the accepted range.
        }
        throw error(
                value,
                "'" + key + "' must be a whole number from " + min + " to " + max + ", not '" + Printable.line(text)
                        + "'");
    }

    /** The items of an optional sequence (empty when absent). */
    List<Node> list(String key) {
        Node value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof SequenceNode seq)) {
            throw error(value, "'" + key + "' must be a list");
        }
        return seq.getValue();
    }

    /** An optional string-to-string mapping such as tags. */
    Map<String, String> stringMap(String key) {
        Node value = values.get(key);
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!(value instanceof MappingNode mapping)) {
            throw error(value, "'" + key + "' must be a mapping of names to values");
        }
        for (NodeTuple t : mapping.getValue()) {
            out.put(
                    scalarText(t.getKeyNode(), "a key of '" + key + "'"),
                    scalarText(t.getValueNode(), "a value of '" + key + "'"));
        }
        return out;
    }

    /** The raw node of a key, or null. */
    Node node(String key) {
        return values.get(key);
    }

    /** The mapping node itself, for error positions. */
    Node self() {
        return node;
    }

    /** The node's content as plain Java values (maps, lists, strings), for policy documents. */
    Object plain(Node node) {
        if (node instanceof ScalarNode s) {
            return checked(file, s, "a policy document value");
        }
        if (node instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>();
            seq.getValue().forEach(n -> out.add(plain(n)));
            return out;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (NodeTuple t : ((MappingNode) node).getValue()) {
            out.put(String.valueOf(plain(t.getKeyNode())), plain(t.getValueNode()));
        }
        return out;
    }

    String scalarText(Node value, String what) {
        if (!(value instanceof ScalarNode s)) {
            throw error(value, what + " must be a single value, not a list or mapping");
        }
        return checked(file, s, what);
    }

    /**
     * A scalar's text, refused when it holds a control character (other than tab, line feed and
     * return) or half a surrogate pair, which a double-quoted YAML escape such as "\x01" can
     * write: nothing in a world needs one, and the endpoint would have to answer it in XML.
     */
    private static String checked(String file, ScalarNode s, String what) {
        String text = s.getValue();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean halfPair = Character.isHighSurrogate(c)
                    ? i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(++i))
                    : Character.isLowSurrogate(c);
            if (Printable.isForbiddenControl(c) || halfPair) {
                throw new WorldException(position(file, s) + ": " + what + " holds the control character "
                        + String.format("U+%04X", (int) c) + " (at character " + (i + 1) + " of the value); remove it");
            }
        }
        return text;
    }

    WorldException error(Node at, String message) {
        return new WorldException(position(file, at) + ": " + message);
    }

    static String position(String file, Node at) {
        return file + ":" + (at.getStartMark().getLine() + 1) + ":"
                + (at.getStartMark().getColumn() + 1);
    }
}
