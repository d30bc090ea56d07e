package dev.rolehop.engine.executor;

import dev.rolehop.engine.builtin.ActionModule;
import dev.rolehop.engine.builtin.AsyncJobFile;
import dev.rolehop.engine.inventory.Host;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.playbook.EngineActions;
import dev.rolehop.engine.playbook.Keyword;
import dev.rolehop.engine.playbook.KeywordValueError;
import dev.rolehop.engine.playbook.Task;
import dev.rolehop.engine.template.ConditionalFailure;
import dev.rolehop.engine.template.PythonText;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.engine.template.TemplateException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one task on one host as Ansible's {@code TaskExecutor}: the loop, {@code when} per item,
 * the module with {@code until} retries, {@code changed_when}/{@code failed_when}, and returns
 * the final result (items are reported to the callback as they finish).
 */
final class TaskRunner {

    private final Services services;
    private final PlayContext play;
    private final HostEvents events;
    private final TaskKeywords keywords;

    /**
     * @param events where the run's events go: a worker's reporter, or the callback itself on the
     *               strategy's thread
     */
    TaskRunner(Services services, PlayContext play, HostEvents events) {
        this.services = services;
        this.play = play;
        this.events = events;
        this.keywords = new TaskKeywords(services.templar());
    }

    /** Runs a task on a host with the variables the strategy built for it. */
    TaskResult run(Task task, Host host, Map<String, Object> vars) {
        TaskResult.Builder result;
        boolean noLog;
        if (task.own("loop") == null) {
            result = single(task, host, vars);
            noLog = keywords.boolAsLeft(task, Keyword.NO_LOG, vars);
        } else {
            result = loop(task, host, vars);
            noLog = loopNoLog(task, result.items());
        }
        if (noLog) {
            result.noLog(true);
        }
        return result.build(host.name(), task);
    }

    private TaskResult.Builder single(Task task, Host host, Map<String, Object> vars) {
        Object failing = null;
        try {
            for (Object condition : task.conditions()) {
                failing = condition;
                if (!services.templar().evaluateConditional(condition, vars)) {
                    return skipped();
                }
            }
        } catch (TemplateException e) {
            return failure(TaskFailure.forConditional(e, failing, task));
        }
        if (EngineActions.isDynamicInclude(task.action())) {
            try {
                return Includer.result(task, vars, services.templar());
            } catch (TemplateException e) {
                return failure(TaskFailure.forArguments(e, task));
            }
        }
        return execute(task, host, vars);
    }

    private TaskResult.Builder loop(Task task, Host host, Map<String, Object> vars) {
        List<Object> items;
        try {
            items = LoopItems.resolve(task, vars, services.templar());
        } catch (TemplateException e) {
            return failure(TaskFailure.forLoop(e));
        }
        LoopControl control = LoopControl.of(task, vars, services.templar());
        String loopVar = control.loopVar();
        List<TaskResult> results = new ArrayList<>();
        // As Ansible's executor, each item's facts join the variables the next items see, so a
        // looped set_fact accumulates ({{ acc + [item] }}).
        Map<String, Object> loopVars = new HashMap<>(vars);
        for (int index = 0; index < items.size(); index++) {
            Object item = items.get(index);
            if (index > 0 && control.pause() > 0) {
                services.sleeper().sleep(Duration.ofNanos((long) (control.pause() * 1e9)));
            }
            Map<String, Object> itemVars = new HashMap<>(loopVars);
            itemVars.putAll(control.taskItemVars(items, index));
            TaskResult.Builder itemResult = single(task, host, itemVars);
            control.addIndex(itemResult, items, index);
            TaskResult reported = item(host.name(), task, itemResult, loopVar, item, itemVars, services.templar());
            if (reported.skipped()) {
                events.itemSkipped(reported);
            } else if (reported.failed()) {
                events.itemFailed(reported);
            } else {
                if (DiffMode.of(task, itemVars, services.templar(), play.options)) {
                    events.diff(reported);
                }
                events.itemOk(reported);
            }
            if (itemResult.get("ansible_facts") instanceof Map<?, ?> facts) {
                facts.forEach((k, v) -> loopVars.put(String.valueOf(k), v));
            }
            results.add(reported);
        }
        return LoopItems.aggregate(results);
    }

    /**
     * Whether a loop's result is censored, as Ansible decides it: when any item's was (no_log may
     * depend on the item); with no items, only when no_log is literally true (nothing templates it).
     */
    private static boolean loopNoLog(Task task, List<TaskResult> items) {
        if (items.isEmpty()) {
            return Boolean.TRUE.equals(task.inherited("no_log"));
        }
        return items.stream().anyMatch(TaskResult::noLog);
    }

    /**
     * A loop item's result as Ansible reports it: the item under its loop variable, the label of
     * {@code loop_control.label}, and the no_log mark (no_log may depend on the item).
     */
    static TaskResult item(
            String host,
            Task task,
            TaskResult.Builder result,
            String loopVar,
            Object item,
            Map<String, Object> itemVars,
            Templar templar) {
        result.put(loopVar, item);
        result.put("ansible_loop_var", loopVar);
        Object label = task.own("loop_control") instanceof Map<?, ?> control ? control.get("label") : null;
        if (label != null) {
            result.label(templar.template(label, itemVars));
        }
        if (new TaskKeywords(templar).boolAsLeft(task, Keyword.NO_LOG, itemVars)) {
            result.noLog(true);
        }
        return result.build(host, task);
    }

    private TaskResult.Builder execute(Task task, Host host, Map<String, Object> vars) {
        Module module = services.invoker().module(task);
        try {
            // Ansible's post_validate: every keyword converted to its type before the module runs.
            keywords.validate(task, vars);
        } catch (KeywordValueError e) {
            return failure(e.describe());
        }
        Map<String, Object> args;
        try {
            args = services.invoker().arguments(task, module, vars);
        } catch (TemplateException e) {
            return failure(TaskFailure.forArguments(e, task));
        }
        TaskContext context = context(task, host, vars);
        Object until = task.inherited("until");
        long retries = 1;
        if (until != null) {
            retries = keywords.integer(task, Keyword.RETRIES, vars, 3);
            retries = retries <= 0 ? 1 : retries + 1;
        }
        long configuredDelay = keywords.integer(task, Keyword.DELAY, vars, 5);
        long delay = configuredDelay < 0 ? 1 : configuredDelay;
        long timeout = keywords.integer(task, Keyword.TIMEOUT, vars, 0);
        long async = keywords.integer(task, Keyword.ASYNC, vars, 0);
        String register = task.own("register") == null ? null : String.valueOf(task.own("register"));
        TaskResult.Builder result = null;
        Map<String, Object> conditionVars = new HashMap<>(vars);
        for (long attempt = 1; attempt <= retries; attempt++) {
            try {
                if (async > 0) {
                    TaskResult.Builder refused = AsyncAction.refusal(module, context.checkMode());
                    if (refused != null) {
                        return refused;
                    }
                    result = new AsyncAction(services, events)
                            .run(task, module, args, context, async, poll(task, vars), asyncDir(vars));
                } else {
                    result = timeout > 0
                            ? invokeWithin(timeout, task, module, args, context)
                            : services.invoker().invoke(task, module, args, context);
                }
                if (result == null) {
                    return timedOut(task, timeout);
                }
            } catch (TemplateException e) {
                // an action that templates (assert's "that") fails the task with the error alone, as Ansible's executor
                // does
                return failure(e.getMessage());
            }
            result.putIfAbsent("failed", false);
            if (until != null) {
                result.put("attempts", attempt);
            }
            result.putIfAbsent("changed", false);
            if (result.get("ansible_facts") instanceof Map<?, ?> facts && !(module instanceof ActionModule)) {
                facts.forEach((k, v) -> conditionVars.put(String.valueOf(k), v));
            }
            if (register != null) {
                conditionVars.put(register, Registered.of(result.build(host.name(), task)));
            }
            if (!Boolean.TRUE.equals(result.get("skipped"))) {
                evaluateWhens(task, result, conditionVars);
            }
            if (retries > 1) {
                try {
                    if (services.templar().evaluateConditional(until, conditionVars)) {
                        break;
                    }
                } catch (TemplateException e) {
                    return failure(ConditionalFailure.message(e, until));
                }
                if (attempt < retries) {
                    result.retry(true);
                    result.put("retries", retries);
                    events.retry(result.build(host.name(), task), taskName(task), (int) (retries - attempt));
                    services.sleeper().sleep(Duration.ofSeconds(delay));
                }
            }
            if (attempt == retries && retries > 1) {
                result.put("attempts", retries - 1);
                result.put("failed", true);
            }
        }
        return result;
    }

    /** The task's {@code poll}, by default Ansible's {@code ANSIBLE_POLL_INTERVAL} setting (15). */
    private long poll(Task task, Map<String, Object> vars) {
        String configured = play.options.environment().get("ANSIBLE_POLL_INTERVAL");
        long fallback = AsyncAction.DEFAULT_POLL;
        if (configured != null) {
            try {
                fallback = Long.parseLong(configured.strip());
            } catch (NumberFormatException e) {
                // Ansible refuses such a setting at start; rolehop keeps the default.
            }
        }
        return keywords.integer(task, Keyword.POLL, vars, fallback);
    }

    private java.nio.file.Path asyncDir(Map<String, Object> vars) {
        return AsyncJobFile.dir(vars, services.templar(), play.options.environment());
    }

    private void evaluateWhens(Task task, TaskResult.Builder result, Map<String, Object> vars) {
        String which = "changed";
        try {
            Object changedWhen = task.inherited("changed_when");
            if (changedWhen != null && !(changedWhen instanceof String s && s.isEmpty())) {
                result.put("changed", services.templar().evaluateConditional(changedWhen, vars));
            }
            which = "failed";
            Object failedWhen = task.inherited("failed_when");
            if (failedWhen != null) {
                boolean failed = services.templar().evaluateConditional(failedWhen, vars);
                result.put("failed_when_result", failed);
                result.put("failed", failed);
            }
        } catch (TemplateException e) {
            result.put("failed", true);
            result.put(which + "_when_result", e.getMessage());
        }
    }

    TaskContext context(Task task, Host host, Map<String, Object> vars) {
        Map<String, String> environment = new LinkedHashMap<>(play.options.environment());
        // Ansible extends environment from the play inward: a task's variables win over its block's and play's.
        for (Object value : task.outermostFirst("environment")) {
            Object env = templated(value, vars);
            for (Object map : env instanceof List<?> list ? list : Collections.singletonList(env)) {
                if (map instanceof Map<?, ?> variables) {
                    variables.forEach((k, v) -> environment.put(String.valueOf(k), PythonText.str(v)));
                }
            }
        }
        boolean check = keywords.bool(task, Keyword.CHECK_MODE, vars, play.options.check());
        Path base = task.role() != null
                ? task.role().path()
                : Path.of(task.position().file()).toAbsolutePath().getParent();
        return new TaskContext(
                check,
                DiffMode.of(task, vars, services.templar(), play.options),
                play.options.verbosity(),
                environment,
                play.play.playbookDir(),
                host.name(),
                services.masker(),
                (level, message) -> events.log(host.name(), message),
                services.prompter(),
                services.templar(),
                vars,
                base,
                new FileFinder(
                        task.role(),
                        Path.of(task.position().file()).toAbsolutePath().getParent(),
                        play.play.playbookDir()),
                TaskNames.of(task),
                events::display,
                services.sleeper(),
                noLog(task, vars));
    }

    /** The task's no_log as a module is told it; a value that is not a boolean is left to the task's result. */
    private boolean noLog(Task task, Map<String, Object> vars) {
        try {
            return keywords.boolAsLeft(task, Keyword.NO_LOG, vars);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Runs the module with Ansible's task {@code timeout}: the module's thread is interrupted (a
     * command's process is killed) when it has not finished within the seconds given.
     *
     * @return the result, or {@code null} when the time ran out
     */
    private TaskResult.Builder invokeWithin(
            long seconds, Task task, Module module, Map<String, Object> args, TaskContext context) {
        AtomicReference<TaskResult.Builder> result = new AtomicReference<>();
        AtomicReference<RuntimeException> error = new AtomicReference<>();
        Thread worker = new Thread(
                () -> {
                    try {
                        result.set(services.invoker().invoke(task, module, args, context));
                    } catch (RuntimeException e) {
                        error.set(e);
                    }
                },
                "rolehop-task-" + context.hostName());
        worker.setDaemon(true);
        worker.start();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(seconds));
            if (worker.isAlive()) {
                worker.interrupt();
                worker.join(TimeUnit.SECONDS.toMillis(5));
                return null;
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    /**
     * Ansible's result of a task that ran out of its {@code timeout}; outside a loop, its executor
     * adds {@code changed: false} (a loop item's result has none).
     */
    private static TaskResult.Builder timedOut(Task task, long seconds) {
        TaskResult.Builder result = failure("The " + task.action()
                + " action failed to execute in the expected time frame (" + seconds + ") and was terminated");
        if (task.own("loop") == null) {
            result.put("changed", false);
        }
        return result;
    }

    private Object templated(Object value, Map<String, Object> vars) {
        if (value == null) {
            return null;
        }
        Object rendered = services.templar().template(value, vars);
        return rendered == Templar.OMIT ? null : rendered;
    }

    static String taskName(Task task) {
        return TaskNames.of(task);
    }

    static TaskResult.Builder skipped() {
        TaskResult.Builder result = TaskResult.builder();
        result.put("changed", false);
        result.put("skipped", true);
        result.put("skip_reason", "Conditional result was False");
        return result;
    }

    static TaskResult.Builder failure(String message) {
        TaskResult.Builder result = TaskResult.builder();
        result.put("failed", true);
        result.put("msg", message);
        return result;
    }
}
