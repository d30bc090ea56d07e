package dev.rolehop.engine.template.ansible;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Represent;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes values as PyYAML's {@code yaml.dump} does with Ansible's options ({@code to_yaml},
 * {@code to_nice_yaml}); SnakeYAML's emitter is a port of PyYAML's, so what differs is set here:
 * keys are sorted (PyYAML's {@code sort_keys=True}), floats are written as PyYAML writes them, and
 * multi-line strings are left to the emitter's choice of style (quoted and folded, as PyYAML).
 */
final class YamlDumper {
    private YamlDumper() {}

    /**
     * Dumps the value.
     *
     * @param indent spaces per nesting level
     * @param flowStyle PyYAML's {@code default_flow_style}: null = flow only for leaf collections
     */
    static String dump(Object value, int indent, Boolean flowStyle) {
        DumperOptions options = new DumperOptions();
        options.setIndent(indent);
        options.setAllowUnicode(true);
        options.setDefaultFlowStyle(
                flowStyle == null
                        ? DumperOptions.FlowStyle.AUTO
                        : flowStyle ? DumperOptions.FlowStyle.FLOW : DumperOptions.FlowStyle.BLOCK);
        try {
            return new Yaml(new PythonRepresenter(options), options).dump(sorted(value));
        } catch (RuntimeException e) {
            throw new AnsibleFilterError(e.getMessage(), "AnsibleFilterError");
        }
    }

    /** Copies the value with every mapping's keys in Python's sort order. */
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
            entries.sort((a, b) -> PythonValues.compare(a.getKey(), b.getKey()));
            Map<Object, Object> copy = new LinkedHashMap<>();
            entries.forEach(entry -> copy.put(sorted(entry.getKey()), sorted(entry.getValue())));
            return copy;
        }
        if (PythonValues.isSequence(value)) {
            List<Object> copy = new ArrayList<>();
            PythonValues.iterable(value).forEach(item -> copy.add(sorted(item)));
            return copy;
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        return value;
    }

    /** Represents floats as PyYAML does ({@code 1.0e+20}, {@code .inf}, {@code .nan}). */
    private static final class PythonRepresenter extends Representer {
        PythonRepresenter(DumperOptions options) {
            super(options);
            Represent floats = data -> representScalar(Tag.FLOAT, floatText(((Number) data).doubleValue()));
            this.representers.put(Double.class, floats);
            this.representers.put(Float.class, floats);
            this.representers.put(BigDecimal.class, floats);
            // SnakeYAML writes multi-line strings as literal blocks; PyYAML lets the emitter choose.
            this.representers.put(String.class, data -> representScalar(Tag.STR, (String) data));
        }

        private static String floatText(double value) {
            if (Double.isNaN(value)) {
                return ".nan";
            }
            if (Double.isInfinite(value)) {
                return value > 0 ? ".inf" : "-.inf";
            }
            String text = PythonRepr.floatRepr(value);
            return !text.contains(".") && text.contains("e") ? text.replaceFirst("e", ".0e") : text;
        }
    }
}
