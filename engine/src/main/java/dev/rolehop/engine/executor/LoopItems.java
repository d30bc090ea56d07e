package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.Task;
import dev.rolehop.engine.template.PythonText;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.engine.template.TemplateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves a task's {@code loop} or {@code with_*} value to its items, and folds the items'
 * results into the task's result as Ansible does.
 */
final class LoopItems {

    private LoopItems() {}

    static List<Object> resolve(Task task, Map<String, Object> vars, Templar templar) {
        Object raw = task.own("loop");
        Object with = task.own("loop_with");
        Object value = templar.template(raw, vars);
        if (with == null) {
            if (!(value instanceof List<?> list)) {
                throw new TemplateException("Invalid data passed to 'loop', it requires a list, got this instead: "
                        + PythonText.str(value) + ". Hint: If you passed a list/dict of just one element, try adding "
                        + "wantlist=True to your lookup invocation or use q/query instead of lookup.");
            }
            return new ArrayList<>(list);
        }
        return switch (String.valueOf(with)) {
            case "items" -> flattenOnce(value);
            case "list" -> value instanceof List<?> list ? new ArrayList<>(list) : new ArrayList<>(List.of(value));
            case "dict" -> dictItems(value);
            case "indexed_items" -> indexed(flattenOnce(value));
            case "flattened" -> flattenAll(value);
            case "sequence" -> sequence(value);
            default -> throw new TemplateException("lookup plugin (" + with + ") not found");
        };
    }

    private static List<Object> flattenOnce(Object value) {
        List<Object> out = new ArrayList<>();
        if (!(value instanceof List<?> list)) {
            out.add(value);
            return out;
        }
        for (Object item : list) {
            if (item instanceof List<?> inner) {
                out.addAll(inner);
            } else {
                out.add(item);
            }
        }
        return out;
    }

    private static List<Object> flattenAll(Object value) {
        List<Object> out = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            for (Object item : list) {
                out.addAll(flattenAll(item));
            }
        } else {
            out.add(value);
        }
        return out;
    }

    private static List<Object> dictItems(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new TemplateException("with_dict expects a dict");
        }
        List<Object> out = new ArrayList<>();
        map.forEach((k, v) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", k);
            entry.put("value", v);
            out.add(entry);
        });
        return out;
    }

    private static List<Object> indexed(List<Object> items) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            out.add(new ArrayList<>(List.of((long) i, items.get(i))));
        }
        return out;
    }

    private static List<Object> sequence(Object value) {
        String spec = PythonText.str(value instanceof List<?> l && !l.isEmpty() ? l.get(0) : value);
        long start = 1;
        long end = 0;
        long stride = 1;
        String format = "%d";
        for (String part : spec.split("\\s+")) {
            String[] kv = part.split("=", 2);
            if (kv.length == 2) {
                switch (kv[0]) {
                    case "start" -> start = Long.decode(kv[1]);
                    case "end" -> end = Long.decode(kv[1]);
                    case "count" -> end = start + Long.decode(kv[1]) - 1;
                    case "stride" -> stride = Long.decode(kv[1]);
                    case "format" -> format = kv[1];
                    default -> throw new TemplateException("unrecognized arguments to with_sequence: " + kv[0]);
                }
            } else if (part.matches("\\d+-\\d+")) {
                start = Long.parseLong(part.split("-")[0]);
                end = Long.parseLong(part.split("-")[1]);
            } else if (part.matches("\\d+")) {
                end = Long.parseLong(part);
            }
        }
        List<Object> out = new ArrayList<>();
        for (long i = start; stride > 0 ? i <= end : i >= end; i += stride) {
            out.add(String.format(format, i));
        }
        return out;
    }

    /**
     * The task result of a loop, as Ansible's executor folds its items: {@code results} (a place the
     * projections fill from the typed items), {@code skipped}, {@code changed} when an item changed,
     * {@code failed} and {@code msg}; the items' warnings and deprecations gathered in the result.
     */
    static TaskResult.Builder aggregate(List<TaskResult> items) {
        TaskResult.Builder result = TaskResult.builder();
        if (items.isEmpty()) {
            result.put("changed", false);
            result.put("skipped", true);
            result.put("skipped_reason", "No items in the list");
            result.put("results", List.of());
            return result.items(items);
        }
        result.put("results", List.of());
        result.items(items);
        boolean skipped = items.stream().allMatch(TaskResult::skipped);
        result.put("skipped", skipped);
        for (TaskResult item : items) {
            if (item.changed() && !Boolean.TRUE.equals(result.get("changed"))) {
                result.put("changed", true);
            }
            if (item.failed() && !result.failed()) {
                result.put("failed", true);
                result.put("msg", "One or more items failed");
            }
            result.warnings(item.warnings());
            result.deprecations(item.deprecations());
        }
        if (!result.failed()) {
            result.put("msg", "All items completed");
        }
        if (skipped) {
            result.put("msg", "All items skipped");
        }
        result.putIfAbsent("changed", false);
        return result;
    }
}
