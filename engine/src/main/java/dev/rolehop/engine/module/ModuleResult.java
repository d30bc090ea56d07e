package dev.rolehop.engine.module;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a module run returned: whether it changed or failed, a message, the module's own return
 * values (registered and shown as Ansible does), and an optional before/after for {@code --diff}.
 *
 * @param changed whether the run changed something (or would have, in check mode)
 * @param failed  whether the run failed
 * @param msg     the message, or {@code null}
 * @param values  the module's return values besides changed/failed/msg, in display order
 * @param diff    the before/after state for {@code --diff}, or {@code null}
 */
public record ModuleResult(boolean changed, boolean failed, String msg, Map<String, Object> values, Diff diff) {

    public ModuleResult {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
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
        return new ModuleResult(changed, failed, message, values, diff);
    }

    public ModuleResult withDiff(Diff newDiff) {
        return new ModuleResult(changed, failed, msg, values, newDiff);
    }

    private static Map<String, Object> copy(Map<String, ?> values) {
        return new LinkedHashMap<>(values);
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
