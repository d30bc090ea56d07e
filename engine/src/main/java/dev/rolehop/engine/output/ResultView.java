package dev.rolehop.engine.output;

import dev.rolehop.engine.executor.TaskResult;
import dev.rolehop.engine.playbook.EngineActions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The part of a result the default callback shows, as Ansible's {@code clean_copy},
 * {@code _clean_results} and {@code _dump_results} leave it: no internal keys, no
 * {@code failed}/{@code skipped}, invocation and diff only at {@code -vvv}, no_log censored.
 */
public final class ResultView {

    private static final Set<String> DEBUG_ALLOWED = Set.of("msg", "exception", "warnings", "deprecations");
    private static final Set<String> DEBUG_HIDDEN = Set.of("changed", "failed", "skipped", "invocation", "skip_reason");

    private ResultView() {
    }

    /** The values to print, ready for {@link PyJson}. */
    public static Map<String, Object> of(TaskResult result, int verbosity) {
        Map<String, Object> view = result.noLog() ? CleanResult.censored(result.result()) : visible(result.result());
        // debug's cleaning applies to a censored result too: without a msg, it loses "changed".
        String action = EngineActions.shortName(result.task().action());
        if (action.equals("debug")) {
            if (view.containsKey("msg")) {
                view.keySet().removeIf(k -> !DEBUG_ALLOWED.contains(k));
            } else {
                DEBUG_HIDDEN.forEach(view::remove);
            }
        }
        if (verbosity < 3) {
            view.remove("invocation");
            view.remove("diff");
        }
        view.remove("exception");
        return view;
    }

    private static Map<String, Object> visible(Map<String, Object> source) {
        Map<String, Object> view = new LinkedHashMap<>();
        source.forEach((k, v) -> {
            if (!k.startsWith("_ansible_") && !k.equals("failed") && !k.equals("skipped")) {
                view.put(k, v);
            }
        });
        return view;
    }

    /** Whether the result is shown even without -v; a censored (no_log) result has lost that flag, as in Ansible. */
    public static boolean verboseAlways(TaskResult result) {
        return !result.noLog() && Boolean.TRUE.equals(result.result().get(TaskResult.Internal.VERBOSE_ALWAYS));
    }

    public static boolean verboseOverride(TaskResult result) {
        return Boolean.TRUE.equals(result.result().get(TaskResult.Internal.VERBOSE_OVERRIDE));
    }
}
