package dev.rolehop.engine.playbook;

import dev.rolehop.engine.error.ParseError;
import dev.rolehop.engine.error.Position;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleRegistry;
import dev.rolehop.engine.template.ansible.Lookups;
import dev.rolehop.engine.yaml.YamlMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one task mapping into a {@link Task}: separates keywords from the action, finds the
 * module, and parses free-form and {@code k=v} arguments, rejecting what Ansible rejects.
 */
final class TaskParser {

    private final ModuleRegistry registry;

    TaskParser(ModuleRegistry registry) {
        this.registry = registry;
    }

    Task parse(YamlMap map, Scope parent, boolean handler) {
        checkModuleDefaults(map);
        Map<String, Object> keywords = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        Keyword.Owner owner = handler ? Keyword.Owner.HANDLER : Keyword.Owner.TASK;
        for (Map.Entry<Object, Object> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (key.startsWith("with_")) {
                if (!Lookups.exists(key.substring(5))) {
                    // Ansible reads with_NAME as a loop only when NAME is a lookup plugin
                    throw new ParseError(
                            "'" + key + "' is not a valid attribute for a " + (handler ? "Handler" : "Task"),
                            map.position());
                }
                keywords.put("loop_with", key.substring(5));
                keywords.put("loop", entry.getValue());
            } else if (!key.equals("action")
                    && !key.equals("local_action")
                    && Keywords.check(owner, key, map) != null) {
                keywords.put(key, entry.getValue());
            } else {
                candidates.add(key);
            }
        }
        if (candidates.size() > 1) {
            throw new ParseError("conflicting action statements: " + String.join(", ", candidates), map.position());
        }
        if (candidates.isEmpty()) {
            throw new ParseError("no module/action detected in task.", map.position());
        }
        String key = candidates.get(0);
        Object value = map.get(key);
        String action = key;
        if (key.equals("action") || key.equals("local_action")) {
            if (key.equals("local_action")) {
                keywords.put("delegate_to", "localhost");
            }
            if (value instanceof Map<?, ?> spec) {
                Map<String, Object> rest = new LinkedHashMap<>();
                spec.forEach((k, v) -> rest.put(String.valueOf(k), v));
                action = String.valueOf(rest.remove("module"));
                value = rest;
            } else {
                String text = String.valueOf(value).strip();
                int space = text.indexOf(' ');
                action = space < 0 ? text : text.substring(0, space);
                value = space < 0 ? null : text.substring(space + 1);
            }
        }
        boolean freeForm = isFreeForm(action, map.position());
        Map<String, Object> args = arguments(value, freeForm, map.position());
        if (keywords.get("args") instanceof Map<?, ?> extra) {
            extra.forEach((k, v) -> args.putIfAbsent(String.valueOf(k), v));
        }
        keywords.remove("args");
        return new Task(parent, keywords, map.position(), action, args, handler);
    }

    /**
     * Checks a {@code module_defaults} as Ansible loads it: a dictionary (or a list of them) whose
     * keys name modules or action groups ({@code group/NAME}) that exist.
     */
    void checkModuleDefaults(YamlMap map) {
        Object value = map.get("module_defaults");
        if (value == null) {
            return;
        }
        for (Object entry : value instanceof List<?> list ? list : List.of(value)) {
            if (!(entry instanceof Map<?, ?> defaults)) {
                throw new ParseError(
                        "The field 'module_defaults' is supposed to be a dictionary or list of dictionaries, "
                                + "the keys of which must be static action, module, or group names. Only the values may contain "
                                + "templates. For example: {'ping': \"{{ ping_defaults }}\"}",
                        null);
            }
            for (Object key : defaults.keySet()) {
                String name = String.valueOf(key);
                if (!name.startsWith("group/") && registry.load(name).isEmpty()) {
                    String qualified = name.split("\\.").length < 3 ? "ansible.legacy." + name : name;
                    throw new ParseError("Could not resolve action " + qualified + " in module_defaults", null);
                }
            }
        }
    }

    private boolean isFreeForm(String action, Position position) {
        if (EngineActions.isEngineAction(action)) {
            // Ansible takes every k=v of an include or import (import_role: name=web), the rest as the file.
            return false;
        }
        Module module = registry.load(action).orElseThrow(() -> unknownModule(action, position));
        return module.argumentSpec().freeForm();
    }

    private ParseError unknownModule(String action, Position position) {
        String message = "couldn't resolve module/action '" + action + "'. This often indicates a misspelling, "
                + "missing collection, or incorrect module path.";
        String suggestion = DidYouMean.closest(action, registry.names());
        if (suggestion != null) {
            message += " Did you mean '" + suggestion + "'?";
        }
        String looked = registry.whyMissing(action);
        if (looked != null) {
            message += "\n" + looked;
        }
        return new ParseError(message, position);
    }

    private static Map<String, Object> arguments(Object value, boolean freeForm, Position position) {
        Map<String, Object> args = new LinkedHashMap<>();
        if (value == null) {
            return args;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> args.put(String.valueOf(k), v));
            return args;
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            args.putAll(KeyValueArgs.parse(String.valueOf(value), freeForm));
            return args;
        }
        throw new ParseError(
                "The value of a module's arguments must be a dictionary or a string; got a list", position);
    }
}
