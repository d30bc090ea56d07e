package dev.rolehop.engine.delegate;

import dev.rolehop.engine.module.Deprecation;
import dev.rolehop.engine.module.ModuleResult;
import dev.rolehop.python.PythonRepr;
import dev.rolehop.python.Truth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a module run through Ansible's code returned, shaped as Ansible's action plugin and
 * executor shape it: the parsed JSON with its internal keys removed ({@code remove_internal_keys}),
 * or Ansible's {@code MODULE FAILURE} result when the output is not JSON; {@code failed} from
 * {@code rc} when the module says nothing; warnings and deprecations taken out for the callback.
 */
final class ModuleOutput {

    static final String NO_LOG_VALUE = "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER";
    private static final String MASK = "********";
    private static final Set<String> INTERNAL_RESULT_KEYS = Set.of("add_host", "add_group");

    private ModuleOutput() {}

    static ModuleResult of(ModuleWorker.Response response, DelegatedArguments.Handover handover) {
        List<String> warnings = new ArrayList<>(response.warnings());
        Map<String, Object> data;
        if (response.parsed()) {
            data = new LinkedHashMap<>(response.data());
            removeInternalKeys(data, warnings);
            if (data.get("results") != null && !(data.get("results") instanceof List<?>)) {
                data.put("ansible_module_results", data.remove("results"));
                warnings.add("Found internal 'results' key in module return, renamed to 'ansible_module_results'.");
            }
        } else {
            data = moduleFailure(response);
        }
        if (!data.containsKey("failed") && data.containsKey("rc")) {
            // As Ansible's executor: rc is kept for modules that report a failure with it alone.
            Object rc = data.get("rc");
            if (!(rc instanceof Number n && n.longValue() == 0) && !"0".equals(rc)) {
                data.put("failed", true);
            }
        }
        if (!handover.secrets().isEmpty()) {
            data = castMap(removeValues(data, handover.secrets()));
        }
        showArguments(data, handover.shown());
        List<String> moduleWarnings = new ArrayList<>();
        if (data.remove("warnings") instanceof List<?> list) {
            list.forEach(w -> moduleWarnings.add(PythonRepr.str(w)));
        }
        List<Deprecation> deprecations = new ArrayList<>();
        if (data.remove("deprecations") instanceof List<?> list) {
            for (Object item : list) {
                deprecations.add(deprecation(item));
            }
        }
        warnings.addAll(moduleWarnings);
        for (String key : List.of("changed", "failed", "skipped")) {
            if (data.containsKey(key) && !(data.get(key) instanceof Boolean)) {
                data.put(key, Truth.of(data.get(key)));
            }
        }
        boolean changed = Boolean.TRUE.equals(data.get("changed"));
        boolean failed = Boolean.TRUE.equals(data.get("failed"));
        return new ModuleResult(changed, failed, null, data, null, warnings, deprecations, false, null);
    }

    /** Ansible's {@code _parse_returned_data} for output that is not a JSON object. */
    static Map<String, Object> moduleFailure(ModuleWorker.Response response) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("failed", true);
        data.put("module_stdout", response.stdout());
        data.put("module_stderr", response.stderr());
        if (response.stderr().startsWith("Traceback")) {
            data.put("exception", response.stderr());
        } else if (response.stdout().startsWith("Traceback")) {
            data.put("exception", response.stdout());
        }
        data.put("msg", "MODULE FAILURE\nSee stdout/stderr for the exact error");
        data.put("rc", response.rc());
        return data;
    }

    /** Ansible's {@code remove_internal_keys}: internal keys a module must not return go, with a warning. */
    private static void removeInternalKeys(Map<String, Object> data, List<String> warnings) {
        for (String key : new ArrayList<>(data.keySet())) {
            if ((key.startsWith("_ansible_") && !key.equals("_ansible_parsed")) || INTERNAL_RESULT_KEYS.contains(key)) {
                warnings.add("Removed unexpected internal key in module return: " + key + " = "
                        + PythonRepr.str(data.get(key)));
                data.remove(key);
            }
        }
        data.remove("_ansible_parsed");
        for (String key : List.of("warnings", "deprecations")) {
            if (data.containsKey(key) && !Truth.of(data.get(key))) {
                data.remove(key);
            }
        }
        if (data.get("ansible_facts") instanceof Map<?, ?> facts) {
            Map<Object, Object> kept = new LinkedHashMap<>(facts);
            kept.keySet()
                    .removeIf(k -> String.valueOf(k).startsWith("discovered_interpreter_")
                            || String.valueOf(k).startsWith("ansible_discovered_interpreter_"));
            data.put("ansible_facts", kept);
        }
    }

    private static Deprecation deprecation(Object item) {
        if (item instanceof Map<?, ?> map) {
            Object msg = map.get("msg");
            return new Deprecation(
                    msg == null ? "" : PythonRepr.str(msg),
                    map.get("version") == null ? null : PythonRepr.str(map.get("version")),
                    map.get("date") == null ? null : PythonRepr.str(map.get("date")),
                    map.get("collection_name") == null ? null : PythonRepr.str(map.get("collection_name")));
        }
        return new Deprecation(PythonRepr.str(item), null, null, null);
    }

    /** The values the task gave, shown in {@code invocation.module_args} in place of what was handed over. */
    private static void showArguments(Map<String, Object> data, Map<String, Object> shown) {
        if (shown.isEmpty() || !(data.get("invocation") instanceof Map<?, ?> invocation)) {
            return;
        }
        if (invocation.get("module_args") instanceof Map<?, ?> args) {
            Map<Object, Object> updated = new LinkedHashMap<>(args);
            updated.putAll(shown);
            Map<Object, Object> copy = new LinkedHashMap<>(invocation);
            copy.put("module_args", updated);
            data.put("invocation", copy);
        }
    }

    /**
     * Ansible's {@code remove_values}: a value equal to a secret becomes
     * {@code VALUE_SPECIFIED_IN_NO_LOG_PARAMETER}; a secret inside text becomes {@code ********}; keys too.
     */
    static Object removeValues(Object value, Set<String> secrets) {
        if (value instanceof String text) {
            if (secrets.contains(text)) {
                return NO_LOG_VALUE;
            }
            String out = text;
            for (String secret : secrets) {
                if (!secret.isEmpty()) {
                    out = out.replace(secret, MASK);
                }
            }
            return out;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(removeValues(k, secrets), removeValues(v, secrets)));
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(removeValues(v, secrets)));
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
