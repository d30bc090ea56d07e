package dev.rolehop.engine.output;

import dev.rolehop.engine.executor.TaskResult;
import dev.rolehop.engine.playbook.EngineActions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A result as Ansible's {@code TaskResult.clean_copy} hands it to callbacks: a no_log result is
 * replaced by its censored form; otherwise {@code failed}/{@code skipped} go (the event says
 * them), a debug result loses {@code invocation}, and {@code _ansible_*} keys go at every depth
 * except the few callbacks read.
 */
final class CleanResult {

    static final String CENSORED =
            "the output has been hidden due to the fact that 'no_log: true' was specified for this result";
    private static final List<String> PRESERVED_WHEN_CENSORED = List.of("attempts", "changed", "retries");
    private static final Set<String> KEPT_INTERNAL = Set.of(TaskResult.Internal.VERBOSE_ALWAYS,
            TaskResult.Internal.ITEM_LABEL, TaskResult.Internal.NO_LOG, TaskResult.Internal.VERBOSE_OVERRIDE);

    private CleanResult() {
    }

    static Map<String, Object> of(TaskResult result) {
        Map<String, Object> source = result.result();
        if (result.noLog()) {
            return censored(source);
        }
        boolean debug = EngineActions.shortName(result.task().action()).equals("debug");
        Map<String, Object> clean = new LinkedHashMap<>();
        source.forEach((k, v) -> {
            if (!k.equals("failed") && !k.equals("skipped") && !(debug && k.equals("invocation")) && kept(k)) {
                clean.put(k, stripped(v));
            }
        });
        return clean;
    }

    /** The censored form of a no_log result: the notice, plus attempts, changed and retries. */
    static Map<String, Object> censored(Map<String, Object> source) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("censored", CENSORED);
        for (String key : PRESERVED_WHEN_CENSORED) {
            if (source.containsKey(key)) {
                view.put(key, source.get(key));
            }
        }
        return view;
    }

    private static boolean kept(Object key) {
        return !(key instanceof String s && s.startsWith("_ansible_") && !KEPT_INTERNAL.contains(s));
    }

    private static Object stripped(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (kept(k)) {
                    out.put(k, stripped(v));
                }
            });
            return out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(v -> out.add(stripped(v)));
            return out;
        }
        return value;
    }
}
