package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.Task;
import dev.rolehop.engine.template.PythonText;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.engine.template.TemplateException;
import dev.rolehop.engine.template.UndefinedVariableException;
import java.util.ArrayList;
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
        if (with == null) {
            Object value = templar.template(raw, vars);
            if (!(value instanceof List<?> list)) {
                throw new TemplateException("Invalid data passed to 'loop', it requires a list, got this instead: "
                        + PythonText.str(value) + ". Hint: If you passed a list/dict of just one element, try adding "
                        + "wantlist=True to your lookup invocation or use q/query instead of lookup.");
            }
            return new ArrayList<>(list);
        }
        String lookup = String.valueOf(with);
        List<Object> items = new ArrayList<>();
        for (Object item : templar.loopLookup(lookup, terms(lookup, raw, vars, templar), subdir(task.action()), vars)) {
            items.add(withoutTuples(item));
        }
        return items;
    }

    /** The item as Ansible's templar hands it to the task: tuples (and lists) become lists, at every depth. */
    private static Object withoutTuples(Object item) {
        if (item instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(withoutTuples(element)));
            return copy;
        }
        return item;
    }

    /**
     * The lookup's terms, as Ansible's {@code listify_lookup_plugin_terms}: the value templated (a
     * string stripped first), a string or scalar wrapped in a list. A dict is iterated as Python
     * iterates it, by its keys, except for {@code dict}, which takes the dict itself. For
     * {@code first_found} an item with an undefined variable is dropped instead of failing, so the
     * next candidate is tried.
     */
    private static List<Object> terms(String lookup, Object raw, Map<String, Object> vars, Templar templar) {
        Object value;
        if (lookup.equals("first_found") && raw instanceof List<?> candidates) {
            List<Object> defined = new ArrayList<>();
            for (Object candidate : candidates) {
                try {
                    defined.add(templar.template(candidate, vars));
                } catch (UndefinedVariableException e) {
                    // skipped, as Ansible drops a term still holding a template
                }
            }
            value = defined;
        } else {
            value = templar.template(raw instanceof String text ? text.strip() : raw, vars);
        }
        if (value instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (value instanceof Map<?, ?> map && !lookup.equals("dict")) {
            return new ArrayList<>(map.keySet());
        }
        List<Object> single = new ArrayList<>();
        single.add(value);
        return single;
    }

    /** The task's {@code _subdir}: the first of template, var, file its action's name contains. */
    private static String subdir(String action) {
        if (action.contains("template")) {
            return "templates";
        }
        return action.contains("var") ? "vars" : "files";
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
