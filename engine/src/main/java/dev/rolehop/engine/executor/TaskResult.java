package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.Task;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one task (or one loop item) on one host: the result as Ansible shapes it (what
 * {@code register} stores), plus the display hints the executor decided.
 *
 * @param host   the host's name
 * @param task   the task
 * @param result the result values ({@code changed}, {@code failed}, {@code msg}, module returns...)
 */
public record TaskResult(String host, Task task, Map<String, Object> result) {

    public TaskResult {
        result = new LinkedHashMap<>(result);
    }

    public boolean failed() {
        return Boolean.TRUE.equals(result.get("failed"));
    }

    public boolean changed() {
        return Boolean.TRUE.equals(result.get("changed"));
    }

    public boolean skipped() {
        return Boolean.TRUE.equals(result.get("skipped"));
    }

    public boolean unreachable() {
        return Boolean.TRUE.equals(result.get("unreachable"));
    }

    /** Whether the result was produced for a loop (it has per-item {@code results}). */
    public boolean looped() {
        return result.containsKey("results") && task.inherited("loop") != null;
    }

    /** Whether the result's values must be hidden ({@code no_log}). */
    public boolean noLog() {
        return Boolean.TRUE.equals(result.get(Internal.NO_LOG));
    }

    /**
     * A loop item's label, from the item's result values: {@code loop_control.label}'s when it
     * was given, else the value of the loop variable.
     */
    public static Object itemLabel(Map<String, Object> itemValues) {
        return itemValues.containsKey(Internal.ITEM_LABEL) ? itemValues.get(Internal.ITEM_LABEL)
                : itemValues.get(String.valueOf(itemValues.getOrDefault("ansible_loop_var", "item")));
    }

    /** The keys Ansible keeps out of display and registration ({@code _ansible_*}). */
    public static final class Internal {
        public static final String NO_LOG = "_ansible_no_log";
        public static final String VERBOSE_ALWAYS = "_ansible_verbose_always";
        public static final String VERBOSE_OVERRIDE = "_ansible_verbose_override";
        public static final String ITEM_LABEL = "_ansible_item_label";
        public static final String IGNORE_ERRORS = "_ansible_ignore_errors";

        private Internal() {
        }
    }
}
