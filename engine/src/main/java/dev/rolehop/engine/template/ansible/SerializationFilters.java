package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Ansible's JSON and YAML filters: {@code to_json}, {@code to_nice_json}, {@code from_json},
 * {@code to_yaml}, {@code to_nice_yaml}, {@code from_yaml} and {@code from_yaml_all}.
 */
final class SerializationFilters {
    private SerializationFilters() {}

    static List<PluginFilter> all() {
        return List.of(
                new PluginFilter("to_json", SerializationFilters::toJson),
                new PluginFilter("to_nice_json", SerializationFilters::toNiceJson),
                new PluginFilter("from_json", (value, args, interpreter) -> JsonLoader.load(value)),
                new PluginFilter("to_yaml", SerializationFilters::toYaml),
                new PluginFilter("to_nice_yaml", SerializationFilters::toNiceYaml),
                new PluginFilter("from_yaml", (value, args, interpreter) -> fromYaml(value, false)),
                new PluginFilter("from_yaml_all", (value, args, interpreter) -> fromYaml(value, true)));
    }

    /** {@code json.dumps(a, indent=None, sort_keys=False, separators=None, ensure_ascii=True)}. */
    private static Object toJson(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("indent", "sort_keys", "separators", "ensure_ascii");
        return dumper(args, -1, false).dump(value);
    }

    /** Ansible's {@code to_nice_json(indent=4, sort_keys=True)} with separators (',', ': '). */
    private static Object toNiceJson(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("indent", "sort_keys", "ensure_ascii");
        return dumper(args, 4, true).dump(value);
    }

    private static JsonDumper dumper(Arguments args, int defaultIndent, boolean defaultSort) {
        Object indentArg = args.get(0, "indent", defaultIndent < 0 ? null : (long) defaultIndent);
        int indent = indentArg == null ? -1 : PythonNumbers.index(indentArg);
        boolean sortKeys = args.flag(1, "sort_keys", defaultSort);
        String itemSeparator = indent < 0 ? ", " : ",";
        String keySeparator = ": ";
        Object separators = args.get(2, "separators", null);
        if (separators != null && !args.callable().equals("to_nice_json")) {
            List<Object> pair = PythonValues.iterable(separators);
            itemSeparator = PythonRepr.str(pair.get(0));
            keySeparator = PythonRepr.str(pair.get(1));
        }
        boolean ensureAscii = args.flag(3, "ensure_ascii", true);
        return new JsonDumper(indent, sortKeys, itemSeparator, keySeparator, ensureAscii);
    }

    /** Ansible's {@code to_yaml}: PyYAML dump with {@code default_flow_style=None}, indent 2. */
    private static Object toYaml(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("indent", "default_flow_style");
        int indent = PythonNumbers.index(args.get(0, "indent", 2L));
        Object flow = args.get(1, "default_flow_style", null);
        return YamlDumper.dump(value, indent, flow == null ? null : PythonValues.truthy(flow));
    }

    /** Ansible's {@code to_nice_yaml(indent=4)}: block style throughout. */
    private static Object toNiceYaml(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("indent");
        int indent = PythonNumbers.index(args.get(0, "indent", 4L));
        return YamlDumper.dump(value, indent, false);
    }

    /** Ansible's {@code from_yaml}/{@code from_yaml_all}: YAML 1.1 safe load of strings only. */
    private static Object fromYaml(Object value, boolean all) {
        if (!(value instanceof CharSequence text)) {
            return value;
        }
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try {
            if (all) {
                List<Object> documents = new ArrayList<>();
                yaml.loadAll(text.toString()).forEach(documents::add);
                return documents;
            }
            return yaml.load(text.toString());
        } catch (RuntimeException e) {
            throw new AnsibleFilterError(e.getMessage(), "YAMLError");
        }
    }
}
