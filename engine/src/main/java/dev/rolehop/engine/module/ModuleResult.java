package dev.rolehop.engine.module;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a module run returned: whether it changed or failed, a message, the module's own return
 * values (registered and shown as Ansible does), an optional before/after for {@code --diff}, and
 * what Ansible carries beside the return values: warnings, deprecations, whether the result is
 * shown without {@code -v}, and a {@code meta} directive.
 *
 * @param changed       whether the run changed something (or would have, in check mode)
 * @param failed        whether the run failed
 * @param msg           the message, or {@code null}
 * @param values        the module's return values besides changed/failed/msg, in display order
 * @param diff          the before/after state for {@code --diff}, or {@code null}
 * @param warnings      warnings for the callback to print ({@code [WARNING]: ...}) and {@code register} to keep
 * @param deprecations  deprecations for the callback to print ({@code [DEPRECATION WARNING]: ...})
 * @param verboseAlways whether the callback shows the values without {@code -v} ({@code debug}, {@code assert})
 * @param meta          the directive of a {@code meta} task ({@code flush_handlers}, {@code end_play}...), or {@code null}
 */
public record ModuleResult(
        boolean changed,
        boolean failed,
        String msg,
        Map<String, Object> values,
        Diff diff,
        List<String> warnings,
        List<Deprecation> deprecations,
        boolean verboseAlways,
        String meta) {

    public ModuleResult {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        warnings = List.copyOf(warnings);
        deprecations = List.copyOf(deprecations);
    }

    /** A result without warnings, deprecations or display hints. */
    public ModuleResult(boolean changed, boolean failed, String msg, Map<String, Object> values, Diff diff) {
        this(changed, failed, msg, values, diff, List.of(), List.of(), false, null);
    }

    public static ModuleResult ok(Map<String, ?> values) {
        return new ModuleResult(false, false, null, copy(values), null);
    }

    public static ModuleResult changed(Map<String, ?> values) {
        return new ModuleResult(true, false, null, copy(values), null);
    }

    public static ModuleResult failed(String msg, Map<String, ?> values) {
        return new ModuleResult(false, true, Objects.requireNonNull(msg, "msg"), copy(values), null);
    }

    public ModuleResult withMsg(String message) {
        return new ModuleResult(changed, failed, message, values, diff, warnings, deprecations, verboseAlways, meta);
    }

    public ModuleResult withDiff(Diff newDiff) {
        return new ModuleResult(changed, failed, msg, values, newDiff, warnings, deprecations, verboseAlways, meta);
    }

    /** This result with other return values (warnings, deprecations and hints kept). */
    public ModuleResult withValues(Map<String, ?> newValues) {
        return new ModuleResult(
                changed, failed, msg, copy(newValues), diff, warnings, deprecations, verboseAlways, meta);
    }

    /** This result with more warnings, after the ones it has. */
    public ModuleResult withWarnings(List<String> more) {
        return new ModuleResult(
                changed, failed, msg, values, diff, concat(warnings, more), deprecations, verboseAlways, meta);
    }

    /** This result with more deprecations, after the ones it has. */
    public ModuleResult withDeprecations(List<Deprecation> more) {
        return new ModuleResult(
                changed, failed, msg, values, diff, warnings, concat(deprecations, more), verboseAlways, meta);
    }

    /** This result with other deprecations before the ones it has (those of argument validation come first). */
    public ModuleResult withDeprecationsFirst(List<Deprecation> first) {
        return new ModuleResult(
                changed, failed, msg, values, diff, warnings, concat(first, deprecations), verboseAlways, meta);
    }

    /** This result shown by the callback even without {@code -v}, as Ansible's {@code _ansible_verbose_always}. */
    public ModuleResult shownAlways() {
        return new ModuleResult(changed, failed, msg, values, diff, warnings, deprecations, true, meta);
    }

    /** This result carrying a {@code meta} directive for the strategy. */
    public ModuleResult withMeta(String directive) {
        return new ModuleResult(
                changed,
                failed,
                msg,
                values,
                diff,
                warnings,
                deprecations,
                verboseAlways,
                Objects.requireNonNull(directive, "directive"));
    }

    private static Map<String, Object> copy(Map<String, ?> values) {
        return new LinkedHashMap<>(values);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * A before/after pair as Ansible's {@code diff} return value, rendered by the output layer.
     *
     * @param before       the state before (a String or a structure), or {@code null}
     * @param after        the state after, or {@code null}
     * @param beforeHeader what the before side is (a path), shown as {@code --- before: HEADER}, or {@code null}
     * @param afterHeader  what the after side is, shown as {@code +++ after: HEADER}, or {@code null}
     */
    public record Diff(Object before, Object after, String beforeHeader, String afterHeader) {

        /** A diff without headers. */
        public Diff(Object before, Object after) {
            this(before, after, null, null);
        }
    }
}
