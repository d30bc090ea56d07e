package dev.rolehop.engine.output;

import dev.rolehop.engine.executor.TaskResult;
import dev.rolehop.engine.module.Deprecation;
import dev.rolehop.engine.playbook.EngineActions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The second projection of a {@link TaskResult} to Ansible's dict shape: what callbacks show. A
 * callback receives Ansible's {@code TaskResult.clean_copy} ({@link #forCallback}: no_log
 * censored, {@code failed}/{@code skipped} gone, internal keys stripped but the few callbacks
 * read); the default callback prints it as {@code _clean_results} and {@code _dump_results} leave
 * it ({@link #of}: no internal keys at all, invocation and diff only at {@code -vvv}).
 */
public final class ResultView {

    static final String CENSORED =
            "the output has been hidden due to the fact that 'no_log: true' was specified for this result";
    private static final List<String> PRESERVED_WHEN_CENSORED = List.of("attempts", "changed", "retries");
    private static final String INTERNAL_PREFIX = "_ansible_";
    private static final String NO_LOG = "_ansible_no_log";
    private static final String ITEM_LABEL = "_ansible_item_label";
    private static final String VERBOSE_ALWAYS = "_ansible_verbose_always";
    private static final String VERBOSE_OVERRIDE = "_ansible_verbose_override";
    private static final Set<String> DEBUG_ALLOWED = Set.of("msg", "exception", "warnings", "deprecations");
    private static final Set<String> DEBUG_HIDDEN = Set.of("changed", "failed", "skipped", "invocation", "skip_reason");

    private ResultView() {}

    /**
     * The values the default callback prints, ready for {@link PyJson}.
     *
     * @param warningsShown whether the event printed the result's warnings and deprecations itself
     *                      (Ansible's {@code _handle_warnings} then deletes them from the result)
     */
    public static Map<String, Object> of(TaskResult result, int verbosity, boolean warningsShown) {
        Map<String, Object> view = result.noLog() ? censored(result) : clean(result, false);
        if (!result.noLog() && !warningsShown) {
            addWarnings(result, view);
        }
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

    /** {@link #of} for an event that does not print warnings. */
    public static Map<String, Object> of(TaskResult result, int verbosity) {
        return of(result, verbosity, false);
    }

    /**
     * The result as Ansible's callbacks receive it ({@code clean_copy}), as the json callback
     * records it: the internal keys Ansible's executor sets and callbacks may read stay
     * ({@code _ansible_no_log}, a loop item's {@code _ansible_item_label},
     * {@code _ansible_verbose_always}); warnings and deprecations stay, since the json callback
     * does not print them.
     */
    static Map<String, Object> forCallback(TaskResult result) {
        if (result.noLog()) {
            return censored(result);
        }
        Map<String, Object> view = clean(result, true);
        if (!result.looped()) {
            view.put(NO_LOG, false);
        }
        addWarnings(result, view);
        return view;
    }

    /** Whether the result is shown even without -v; a censored (no_log) result has lost that flag, as in Ansible. */
    public static boolean verboseAlways(TaskResult result) {
        return !result.noLog() && result.verboseAlways();
    }

    public static boolean verboseOverride(TaskResult result) {
        return result.verboseOverride();
    }

    /** The censored form of a no_log result: the notice, plus attempts, changed and retries. */
    private static Map<String, Object> censored(TaskResult result) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("censored", CENSORED);
        for (String key : PRESERVED_WHEN_CENSORED) {
            if (result.values().containsKey(key)) {
                view.put(key, result.values().get(key));
            }
        }
        return view;
    }

    /**
     * The values without {@code failed}/{@code skipped} (the event says them), without a debug
     * result's invocation and no internal key at any depth; with {@code hints} (what a callback
     * receives), a loop's items as their dicts and the display hints a callback may read, as
     * Ansible keeps them; without (what the default callback prints), no items.
     */
    private static Map<String, Object> clean(TaskResult result, boolean hints) {
        boolean debug = EngineActions.shortName(result.task().action()).equals("debug");
        Map<String, Object> view = new LinkedHashMap<>();
        result.values().forEach((k, v) -> {
            if (k.equals("failed") || k.equals("skipped") || (debug && k.equals("invocation"))) {
                return;
            }
            if (k.equals("results") && result.looped() && !hints) {
                // The default callback has shown the items by then (its _process_items deletes them).
                return;
            }
            if (k.equals("results") && result.looped()) {
                List<Object> items = new ArrayList<>();
                result.items().forEach(item -> items.add(item(item, hints)));
                view.put(k, items);
            } else if (!k.startsWith(INTERNAL_PREFIX)) {
                view.put(k, stripped(v));
            }
        });
        if (hints) {
            addHints(result, view);
        }
        return view;
    }

    /** A loop item inside its loop's {@code results}: its values, {@code failed}/{@code skipped} kept. */
    private static Map<String, Object> item(TaskResult item, boolean hints) {
        Map<String, Object> view = new LinkedHashMap<>();
        item.values().forEach((k, v) -> {
            if (!k.startsWith(INTERNAL_PREFIX)) {
                view.put(k, stripped(v));
            }
        });
        if (hints) {
            addHints(item, view);
            view.put(NO_LOG, item.noLog());
            view.put(ITEM_LABEL, item.itemLabel());
        }
        return view;
    }

    private static void addHints(TaskResult result, Map<String, Object> view) {
        if (result.noLog()) {
            view.put(NO_LOG, true);
        }
        if (result.verboseAlways()) {
            view.put(VERBOSE_ALWAYS, true);
        }
        if (result.verboseOverride()) {
            view.put(VERBOSE_OVERRIDE, true);
        }
        if (result.labelled()) {
            view.put(ITEM_LABEL, result.itemLabel());
        }
    }

    private static void addWarnings(TaskResult result, Map<String, Object> view) {
        if (!result.warnings().isEmpty()) {
            view.put("warnings", List.copyOf(result.warnings()));
        }
        if (!result.deprecations().isEmpty()) {
            view.put(
                    "deprecations",
                    result.deprecations().stream().map(Deprecation::asDict).toList());
        }
    }

    private static Object stripped(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!(k instanceof String s && s.startsWith(INTERNAL_PREFIX))) {
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
