package dev.rolehop.engine.executor;

import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleRegistry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Picks the {@code module_defaults} that apply to a module: those of each {@code group/NAME} the
 * module belongs to, then those given for the module itself by any of its names (these win).
 */
final class ModuleDefaults {

    private ModuleDefaults() {}

    static Map<String, Object> forModule(Object defaults, String action, Module module, ModuleRegistry registry) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!(defaults instanceof Map<?, ?> map)) {
            return out;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (key.startsWith("group/")
                    && module.actionGroups().contains(groupName(key))
                    && entry.getValue() instanceof Map<?, ?> values) {
                values.forEach((k, v) -> out.put(String.valueOf(k), v));
            }
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (!key.startsWith("group/")
                    && (key.equals(action) || sameModule(registry, key, module))
                    && entry.getValue() instanceof Map<?, ?> values) {
                values.forEach((k, v) -> out.put(String.valueOf(k), v));
            }
        }
        return out;
    }

    /** Whether a name resolves to the module (a delegated module is one object per name, so names are compared). */
    private static boolean sameModule(ModuleRegistry registry, String key, Module module) {
        Module found = registry.find(key).orElse(null);
        return found == module || (found != null && found.name().equals(module.name()));
    }

    /** {@code group/aws} and {@code group/amazon.aws.aws} both name the group {@code aws}. */
    private static String groupName(String key) {
        String name = key.substring("group/".length());
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot + 1);
    }
}
