package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.KeywordValues;
import dev.rolehop.engine.playbook.Task;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.python.Truth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A loop's {@code loop_control} (its values templated, the label aside) and the variables it gives
 * each item: the item under {@code loop_var}, its position under {@code index_var}, and
 * {@code ansible_loop} when {@code extended}.
 */
final class LoopControl {

    private final String loopVar;
    private final String indexVar;
    private final boolean extended;

    private final double pause;

    private LoopControl(String loopVar, String indexVar, boolean extended, double pause) {
        this.loopVar = loopVar;
        this.indexVar = indexVar;
        this.extended = extended;
        this.pause = pause;
    }

    static LoopControl of(Task task, Map<String, Object> vars, Templar templar) {
        Map<String, Object> control = new HashMap<>();
        if (task.own("loop_control") instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if (!"label".equals(k) && v != null) {
                    Object rendered = templar.template(v, vars);
                    control.put(String.valueOf(k), rendered == Templar.OMIT ? null : rendered);
                }
            });
        }
        Object loopVar = control.get("loop_var");
        Object indexVar = control.get("index_var");
        return new LoopControl(
                loopVar == null ? "item" : String.valueOf(loopVar),
                indexVar == null ? null : String.valueOf(indexVar),
                flag(control.get("extended")),
                seconds(control.get("pause")));
    }

    /** LoopControl's {@code extended}: Ansible's bool. */
    private static boolean flag(Object value) {
        try {
            return value != null && KeywordValues.bool(value);
        } catch (RuntimeException e) {
            return Truth.of(value);
        }
    }

    /** LoopControl's {@code pause}: a float of seconds, 0 when not set or not a number. */
    private static double seconds(Object value) {
        try {
            return value == null ? 0 : KeywordValues.number(value);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The seconds to wait between two items ({@code loop_control.pause}). */
    double pause() {
        return pause;
    }

    String loopVar() {
        return loopVar;
    }

    /**
     * What the item at {@code index} sets: the item, its index, {@code ansible_loop}. It is what the
     * tasks of a looped include get, as Ansible's IncludedFile: without the names of the loop and
     * index variables, which only a looped task's own items see ({@link #taskItemVars}).
     */
    Map<String, Object> itemVars(List<Object> items, int index) {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(loopVar, items.get(index));
        if (indexVar != null) {
            vars.put(indexVar, (long) index);
        }
        if (extended) {
            vars.put("ansible_loop", extendedLoop(items, index));
        }
        return vars;
    }

    /** What the item at {@code index} sets for the looped task itself (and its conditions). */
    Map<String, Object> taskItemVars(List<Object> items, int index) {
        Map<String, Object> vars = itemVars(items, index);
        vars.put("ansible_loop_var", loopVar);
        if (indexVar != null) {
            vars.put("ansible_index_var", indexVar);
        }
        return vars;
    }

    /**
     * What an item's result carries of its index and {@code ansible_loop}, as Ansible's task
     * executor adds them (and a looped include passes them on to its tasks).
     */
    void addIndex(TaskResult.Builder result, List<Object> items, int index) {
        if (indexVar != null) {
            result.put(indexVar, (long) index);
            result.put("ansible_index_var", indexVar);
        }
        if (extended) {
            result.put("ansible_loop", extendedLoop(items, index));
        }
    }

    /** Ansible's {@code ansible_loop} of {@code loop_control.extended}. */
    private static Map<String, Object> extendedLoop(List<Object> items, int index) {
        Map<String, Object> loop = new LinkedHashMap<>();
        int length = items.size();
        loop.put("allitems", items);
        loop.put("index", (long) index + 1);
        loop.put("index0", (long) index);
        loop.put("revindex", (long) (length - index));
        loop.put("revindex0", (long) (length - index - 1));
        loop.put("first", index == 0);
        loop.put("last", index == length - 1);
        loop.put("length", (long) length);
        if (index > 0) {
            loop.put("previtem", items.get(index - 1));
        }
        if (index < length - 1) {
            loop.put("nextitem", items.get(index + 1));
        }
        return loop;
    }
}
