package dev.rolehop.engine.executor;

import dev.rolehop.engine.module.Deprecation;
import dev.rolehop.engine.module.OutputLines;
import dev.rolehop.engine.playbook.Task;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one task (or one loop item) on one host, from the module to the callbacks.
 *
 * <p>The return values are the keys Ansible's result dict shows and registers ({@code changed},
 * {@code failed}, {@code msg}, the module's returns, {@code attempts}...), in Ansible's order; the
 * status is read from them, since {@code changed_when}/{@code failed_when} rewrite them and
 * {@code register} must agree with the callbacks. Everything Ansible carries in {@code _ansible_*}
 * keys or strips before registering is typed here instead: the loop's item results, warnings,
 * deprecations, no_log, the item label, the display hints and the {@code meta} directive. Ansible's
 * dict shape is made in exactly two places: {@link Registered} (what {@code register} and
 * {@code ansible_failed_result} store) and the output's display projection (what callbacks show).
 */
public final class TaskResult {

    /** What became of the task, as the strategy sorts results into callback events. */
    public enum Status {
        OK,
        CHANGED,
        FAILED,
        SKIPPED,
        UNREACHABLE
    }

    private final String host;
    private final Task task;
    private final Map<String, Object> values;
    private final List<TaskResult> items;
    private final List<String> warnings;
    private final List<Deprecation> deprecations;
    private final boolean noLog;
    private final boolean verboseAlways;
    private final boolean verboseOverride;
    private final boolean labelled;
    private final Object label;
    private final String meta;
    private final boolean retry;

    private TaskResult(String host, Task task, Builder b) {
        this.host = Objects.requireNonNull(host, "host");
        this.task = Objects.requireNonNull(task, "task");
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
        this.items = b.items == null ? null : List.copyOf(b.items);
        this.warnings = List.copyOf(b.warnings);
        this.deprecations = List.copyOf(b.deprecations);
        this.noLog = b.noLog;
        this.verboseAlways = b.verboseAlways;
        this.verboseOverride = b.verboseOverride;
        this.labelled = b.labelled;
        this.label = b.label;
        this.meta = b.meta;
        this.retry = b.retry;
    }

    /** A result of just these return values, without items, warnings or hints. */
    public static TaskResult of(String host, Task task, Map<String, Object> values) {
        return builder().putAll(values).build(host, task);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this result's values and hints, to derive another result. */
    public Builder toBuilder() {
        Builder b = new Builder().putAll(values);
        b.items = items == null ? null : new ArrayList<>(items);
        b.warnings.addAll(warnings);
        b.deprecations.addAll(deprecations);
        b.noLog = noLog;
        b.verboseAlways = verboseAlways;
        b.verboseOverride = verboseOverride;
        b.labelled = labelled;
        b.label = label;
        b.meta = meta;
        b.retry = retry;
        return b;
    }

    public String host() {
        return host;
    }

    public Task task() {
        return task;
    }

    /** The return values, in order: what Ansible's result dict holds besides its internal keys. */
    public Map<String, Object> values() {
        return values;
    }

    public Object get(String key) {
        return values.get(key);
    }

    public boolean failed() {
        return Boolean.TRUE.equals(values.get("failed"));
    }

    public boolean changed() {
        return Boolean.TRUE.equals(values.get("changed"));
    }

    public boolean skipped() {
        return Boolean.TRUE.equals(values.get("skipped"));
    }

    public boolean unreachable() {
        return Boolean.TRUE.equals(values.get("unreachable"));
    }

    /** The event this result makes: failed before unreachable before skipped before changed. */
    public Status status() {
        if (failed()) {
            return Status.FAILED;
        }
        if (unreachable()) {
            return Status.UNREACHABLE;
        }
        if (skipped()) {
            return Status.SKIPPED;
        }
        return changed() ? Status.CHANGED : Status.OK;
    }

    /** The message ({@code msg}: any value, as a debug message may be), or {@code null}. */
    public Object msg() {
        return values.get("msg");
    }

    /** The before/after of {@code --diff} ({@code diff}), or {@code null}. */
    public Object diff() {
        Object diff = values.get("diff");
        return diff instanceof Map<?, ?> || diff instanceof java.util.List<?> ? diff : null;
    }

    /** How many {@code until} attempts ran, or 0 without {@code until}. */
    public long attempts() {
        return values.get("attempts") instanceof Number n ? n.longValue() : 0;
    }

    /** The loop variable's name of a loop item ({@code item} unless {@code loop_control.loop_var}), or {@code null}. */
    public String loopVar() {
        Object name = values.get("ansible_loop_var");
        return name == null ? null : String.valueOf(name);
    }

    /** The loop's item results, in order, or empty when this is not a loop's result. */
    public List<TaskResult> items() {
        return items == null ? List.of() : items;
    }

    /** Whether the result was produced for a loop (it has per-item results). */
    public boolean looped() {
        return items != null;
    }

    /** The module's warnings (a loop's: its items'), printed by callbacks as {@code [WARNING]: ...}. */
    public List<String> warnings() {
        return warnings;
    }

    /** The deprecations (a loop's: its items'), printed by callbacks as {@code [DEPRECATION WARNING]: ...}. */
    public List<Deprecation> deprecations() {
        return deprecations;
    }

    /** Whether the result's values must be hidden ({@code no_log}). */
    public boolean noLog() {
        return noLog;
    }

    /** Whether callbacks show the values even without {@code -v} ({@code debug}, {@code assert}). */
    public boolean verboseAlways() {
        return verboseAlways;
    }

    /** Whether callbacks never show the values, whatever the verbosity. */
    public boolean verboseOverride() {
        return verboseOverride;
    }

    /** Whether {@code loop_control.label} gave this item a label. */
    public boolean labelled() {
        return labelled;
    }

    /**
     * A loop item's label: {@code loop_control.label}'s when it was given, else the value of the
     * loop variable.
     */
    public Object itemLabel() {
        return labelled ? label : values.get(loopVar() == null ? "item" : loopVar());
    }

    /** The directive of a {@code meta} task, or {@code null}. */
    public String meta() {
        return meta;
    }

    /** Whether this is a failed {@code until} attempt that will be retried. */
    public boolean retry() {
        return retry;
    }

    @Override
    public String toString() {
        return "TaskResult[" + host + ", " + status() + "]";
    }

    /** Collects a result as the executor builds it: the return values in order, then the typed parts. */
    public static final class Builder {

        private final Map<String, Object> values = new LinkedHashMap<>();
        private List<TaskResult> items;
        private final List<String> warnings = new ArrayList<>();
        private final List<Deprecation> deprecations = new ArrayList<>();
        private boolean noLog;
        private boolean verboseAlways;
        private boolean verboseOverride;
        private boolean labelled;
        private Object label;
        private String meta;
        private boolean retry;

        private Builder() {}

        public Object get(String key) {
            return values.get(key);
        }

        public boolean containsKey(String key) {
            return values.containsKey(key);
        }

        public Builder put(String key, Object value) {
            values.put(key, value);
            return this;
        }

        public Builder putIfAbsent(String key, Object value) {
            values.putIfAbsent(key, value);
            return this;
        }

        public Builder putAll(Map<String, ?> more) {
            values.putAll(more);
            return this;
        }

        /** Adds the module output's {@code stdout_lines}/{@code stderr_lines}, as Ansible's action base ({@link OutputLines}). */
        public Builder splitOutputLines() {
            OutputLines.split(values);
            return this;
        }

        public boolean failed() {
            return Boolean.TRUE.equals(values.get("failed"));
        }

        public boolean skipped() {
            return Boolean.TRUE.equals(values.get("skipped"));
        }

        /** The loop's item results so far, or empty. */
        public List<TaskResult> items() {
            return items == null ? List.of() : items;
        }

        /** The loop's item results; a builder with items builds a loop's result. */
        public Builder items(List<TaskResult> results) {
            items = new ArrayList<>(results);
            return this;
        }

        public Builder warnings(List<String> more) {
            warnings.addAll(more);
            return this;
        }

        public Builder deprecations(List<Deprecation> more) {
            deprecations.addAll(more);
            return this;
        }

        public Builder noLog(boolean value) {
            noLog = value;
            return this;
        }

        public boolean noLog() {
            return noLog;
        }

        public Builder verboseAlways(boolean value) {
            verboseAlways = value;
            return this;
        }

        public Builder verboseOverride(boolean value) {
            verboseOverride = value;
            return this;
        }

        /** The item's label from {@code loop_control.label} (any value, None included). */
        public Builder label(Object value) {
            labelled = true;
            label = value;
            return this;
        }

        public Builder meta(String directive) {
            meta = directive;
            return this;
        }

        public Builder retry(boolean value) {
            retry = value;
            return this;
        }

        public TaskResult build(String host, Task task) {
            return new TaskResult(host, task, this);
        }
    }
}
