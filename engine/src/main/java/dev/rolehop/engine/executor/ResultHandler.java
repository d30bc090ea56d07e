package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.EngineActions;
import dev.rolehop.engine.playbook.Keyword;
import dev.rolehop.engine.playbook.Scope;
import dev.rolehop.engine.playbook.Task;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.engine.template.TemplateException;
import dev.rolehop.python.Truth;
import java.util.List;
import java.util.Map;

/**
 * Applies a finished task result as Ansible's strategy does: counts it in the recap, records facts
 * and registered values, notifies handlers, acts on {@code meta}, and tells the callback.
 */
final class ResultHandler {

    private final Services services;
    private final PlayContext play;
    private final Stats stats;

    ResultHandler(Services services, PlayContext play, Stats stats) {
        this.services = services;
        this.play = play;
        this.stats = stats;
    }

    void handle(TaskResult result, boolean rescuable) {
        Task task = result.task();
        HostState state = play.states.get(result.host());
        Map<String, Object> vars = VariableBuilder.build(play, state.host(), task, Map.of());
        if (result.meta() != null && !result.failed()) {
            meta(result, state);
            return;
        }
        List<HostState> targets = runOnce(task, vars) ? sharing() : List.of(state);
        record(result, state, targets);
        if (task.roleScope() != null && !result.skipped() && !result.unreachable()) {
            play.roleRuns.taskRan(task.roleScope(), result.host());
        }
        Callback callback = services.callback();
        if (result.failed()) {
            boolean ignore = new TaskKeywords(services.templar()).boolAsLeft(task, Keyword.IGNORE_ERRORS, vars);
            if (!ignore) {
                // A run_once task fails every host it ran for; only the host it ran on counts the failure.
                targets.forEach(HostState::fail);
                if (rescuable) {
                    stats.of(result.host()).rescued++;
                    state.register("ansible_failed_result", Registered.of(result));
                    state.register("ansible_failed_task", Map.of("name", TaskNames.of(task), "action", task.action()));
                } else {
                    stats.of(result.host()).failures++;
                }
            } else {
                stats.ok(result.host(), result.changed());
                stats.of(result.host()).ignored++;
            }
            callback.runnerFailed(result, ignore);
        } else if (result.unreachable()) {
            state.markUnreachable();
            stats.of(result.host()).unreachable++;
            callback.runnerUnreachable(result);
        } else if (result.skipped()) {
            stats.of(result.host()).skipped++;
            callback.runnerSkipped(result);
        } else {
            if (!EngineActions.isDynamicInclude(task.action())) {
                // Ansible counts an include once its file is loaded, for each host it is loaded for.
                stats.ok(result.host(), result.changed());
            }
            if (result.values().containsKey("diff") && DiffMode.of(task, vars, services.templar(), play.options)) {
                callback.diff(result);
            }
            callback.runnerOk(result);
            if (result.changed()) {
                notifyHandlers(task, state, vars);
            }
        }
    }

    /**
     * Whether the task runs on the batch's first host only and shares its result ({@code run_once}):
     * as Ansible's linear strategy decides it, the Python truth of the templated value (not
     * Ansible's bool: {@code run_once: "no"} runs once).
     */
    boolean runOnce(Task task, Map<String, Object> vars) {
        Object value = TaskKeywords.raw(task, Keyword.RUN_ONCE);
        return value != null && Truth.of(services.templar().template(value, vars));
    }

    /** The hosts a run_once result is shared with: the batch's hosts that are still reachable. */
    private List<HostState> sharing() {
        return play.batchStates().stream().filter(h -> !h.unreachable()).toList();
    }

    /** Stores facts and the registered result on every target host (the batch for run_once, as Ansible's get_task_hosts). */
    private void record(TaskResult result, HostState state, List<HostState> targets) {
        Task task = result.task();
        String action = EngineActions.shortName(task.action());
        List<TaskResult> items = result.looped() ? result.items() : List.of(result);
        for (HostState target : targets) {
            for (TaskResult item : items) {
                if (!item.failed() && item.get("ansible_facts") instanceof Map<?, ?> found) {
                    switch (action) {
                        case "set_fact" -> target.setFacts(found);
                        case "include_vars" -> target.includeVars(found);
                        default -> target.addFacts(found);
                    }
                }
            }
            if (task.own("register") != null) {
                target.register(String.valueOf(task.own("register")), Registered.of(result));
            }
        }
        if (result.get("ansible_stats") instanceof Map<?, ?> statsData) {
            SetStats.apply(stats, statsData, result.host());
        }
    }

    private void notifyHandlers(Task task, HostState state, Map<String, Object> vars) {
        Object notify = task.inherited("notify");
        if (notify == null) {
            return;
        }
        Object names = services.templar().template(notify, vars);
        List<?> list = names instanceof List<?> l ? l : List.of(String.valueOf(names));
        for (Object name : list) {
            String wanted = String.valueOf(name);
            // By name Ansible notifies one handler, the last loaded (two uses of a role load its
            // handlers twice); by listen topic, every handler listening.
            Task byName = null;
            List<Task> notified = new java.util.ArrayList<>();
            for (Task handler : handlers(play.handlers)) {
                if (wanted.equals(handler.name()) || wanted.equals(TaskNames.of(handler))) {
                    byName = handler;
                }
                if (handler.listen().contains(wanted)) {
                    notified.add(handler);
                }
            }
            if (byName != null) {
                notified.add(0, byName);
            }
            for (Task handler : notified) {
                if (state.notify(handler)) {
                    services.callback().handlerNotified(handler, state.name());
                }
            }
            if (notified.isEmpty()) {
                throw new dev.rolehop.engine.error.AnsibleError("The requested handler '" + wanted
                        + "' was not found in either the main handlers list nor in the listening handlers list");
            }
        }
    }

    static List<Task> handlers(List<Scope> items) {
        List<Task> out = new java.util.ArrayList<>();
        for (Scope item : items) {
            if (item instanceof Task task) {
                out.add(task);
            } else if (item instanceof dev.rolehop.engine.playbook.Block block) {
                out.addAll(handlers(block.block()));
            }
        }
        return out;
    }

    private void meta(TaskResult result, HostState state) {
        String directive = result.meta();
        if ("end_play".equals(directive)) {
            play.ended = true;
            play.batchStates().forEach(HostState::end);
        } else if ("end_host".equals(directive)) {
            state.end();
        }
    }

    /** The task's name templated with the first host's variables; left as written when that fails. */
    String displayName(Task task, List<HostState> hosts) {
        String name = task.name();
        if (name != null && services.templar().isTemplate(name) && !hosts.isEmpty()) {
            try {
                Object rendered = services.templar()
                        .template(name, VariableBuilder.build(play, hosts.get(0).host(), task, Map.of()));
                if (rendered != Templar.OMIT) {
                    name = dev.rolehop.engine.template.PythonText.str(rendered);
                }
            } catch (TemplateException e) {
                // Ansible keeps the raw name when it cannot be templated yet (e.g. it uses the loop item).
            }
        }
        return TaskNames.of(task, name);
    }
}
