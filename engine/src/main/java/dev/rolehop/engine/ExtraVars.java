package dev.rolehop.engine;

import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.engine.error.OptionError;
import dev.rolehop.engine.playbook.KeyValueArgs;
import dev.rolehop.engine.yaml.YamlLoader;
import dev.rolehop.python.Booleans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Parses {@code -e} values as ansible-playbook does: {@code @file} (YAML/JSON), inline JSON/YAML
 * starting with {@code {} or {@code [}, else {@code k=v} pairs whose values stay strings. Warns
 * when a {@code k=v} value looks boolean but is the string that every condition treats as true.
 */
public final class ExtraVars {

    private ExtraVars() {}

    public static Map<String, Object> parse(List<String> values, Consumer<String> warnings) {
        Map<String, Object> vars = new LinkedHashMap<>();
        for (String value : values) {
            vars.putAll(parseOne(value, warnings));
        }
        return vars;
    }

    private static Map<String, Object> parseOne(String value, Consumer<String> warnings) {
        String text = value.strip();
        if (text.startsWith("@")) {
            Path file = Path.of(text.substring(1));
            if (!Files.isRegularFile(file)) {
                throw new AnsibleError(
                        "Unable to retrieve file contents\nCould not find or access '" + file.toAbsolutePath()
                                + "' on the Ansible Controller.\nIf you are using a module and expect the file to exist on the "
                                + "remote, see the remote_src option");
            }
            return mapping(YamlLoader.load(file), text);
        }
        if (text.startsWith("{") || text.startsWith("[")) {
            return mapping(YamlLoader.load(text, "<string>"), text);
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        Map<String, Object> pairs = KeyValueArgs.parse(text, false);
        if (pairs.containsKey("_raw_params")) {
            throw new OptionError(
                    "Invalid extra vars data supplied. '" + value + "' could not be made into a dictionary");
        }
        pairs.forEach((k, v) -> {
            vars.put(k, v);
            if (v instanceof String s && Booleans.FALSE_WORDS.contains(s.toLowerCase(Locale.ROOT))) {
                warnings.accept("-e " + k + "=" + s + " sets " + k + " to the string '" + s + "', which is true in a "
                        + "condition such as 'when: " + k + "'. For a boolean, pass -e '{\"" + k + "\": false}'.");
            }
        });
        return vars;
    }

    private static Map<String, Object> mapping(Object data, String source) {
        if (data == null) {
            return Map.of();
        }
        if (!(data instanceof Map<?, ?> map)) {
            throw new OptionError(
                    "Invalid extra vars data supplied. '" + source + "' could not be made into a dictionary");
        }
        Map<String, Object> vars = new LinkedHashMap<>();
        map.forEach((k, v) -> vars.put(String.valueOf(k), v));
        return vars;
    }
}
