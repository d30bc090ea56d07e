package dev.rolehop.engine.executor;

import dev.rolehop.engine.builtin.ActionFailure;
import dev.rolehop.engine.builtin.AsyncJobFile;
import dev.rolehop.engine.builtin.AsyncStatusModule;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.playbook.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a task's module as an async job ({@code async: N}), as ansible-core 2.14's action base
 * and {@code TaskExecutor} do: the job starts ({@code started: 1, finished: 0}, its
 * {@code ansible_job_id} and {@code results_file}, {@code changed: true}); with {@code poll: 0}
 * that is the task's result, else the job is polled every {@code poll} seconds, through
 * {@code async_status}, until it ends or {@code N} seconds have gone by, and its result (the job's
 * over the status) is the task's.
 */
final class AsyncAction {

    /** Ansible's {@code DEFAULT_POLL_INTERVAL}: the {@code poll} of a task that gives none. */
    static final long DEFAULT_POLL = 15;

    private final Services services;
    private final HostEvents events;

    AsyncAction(Services services, HostEvents events) {
        this.services = services;
        this.events = events;
    }

    /**
     * Why the module cannot run as an async job, as Ansible's action base refuses it, or
     * {@code null} when it can.
     */
    static TaskResult.Builder refusal(Module module, boolean checkMode) {
        if (!module.supportsAsync()) {
            return refused("async is not supported for this task.");
        }
        if (checkMode) {
            return refused("check mode and async cannot be used on same task.");
        }
        return null;
    }

    private static TaskResult.Builder refused(String message) {
        return TaskResult.builder()
                .putAll(ActionFailure.of(message).values())
                .put("msg", message)
                .put("failed", true)
                .put("changed", false);
    }

    /**
     * Starts the module as a job that may run {@code seconds} and, when {@code poll} is above 0,
     * waits for it.
     *
     * @param jobDir the async directory the job's file goes to
     */
    TaskResult.Builder run(
            Task task,
            Module module,
            Map<String, Object> args,
            TaskContext context,
            long seconds,
            long poll,
            java.nio.file.Path jobDir) {
        AsyncJobFile file = services.asyncJobs()
                .start(
                        jobDir,
                        seconds,
                        () -> jobResult(
                                services.invoker().invoke(task, module, args, context), task, context.hostName()));
        if (poll <= 0) {
            return TaskResult.builder()
                    .put("failed", 0)
                    .put("started", 1)
                    .put("finished", 0)
                    .put("ansible_job_id", file.jid())
                    .put("results_file", file.path().toString())
                    .put("changed", true);
        }
        TaskResult.Builder result = poll(file, seconds, poll, context.hostName());
        Object jid = result.get("async_result") instanceof Map<?, ?> status
                ? status.get("ansible_job_id")
                : result.get("ansible_job_id");
        events.asyncDone(context.hostName(), String.valueOf(jid), result.failed());
        return result;
    }

    /**
     * Ansible's {@code _poll_async_result}: waits {@code poll} seconds, reads the job's status, and
     * again while it runs and time is left, reporting each status of a running job.
     */
    private TaskResult.Builder poll(AsyncJobFile file, long seconds, long poll, String host) {
        Map<String, Object> status = Map.of();
        for (long left = seconds; left > 0; left -= poll) {
            services.sleeper().sleep(Duration.ofSeconds(poll));
            status = AsyncStatusModule.status(file);
            if (finished(status) || status.containsKey("failed") || status.containsKey("skipped")) {
                break;
            }
            events.asyncPoll(host, status);
        }
        if (!finished(status)) {
            return TaskResult.builder()
                    .put("failed", true)
                    .put("msg", "async task did not complete within the requested time - " + seconds + "s")
                    .put("async_result", status);
        }
        // As Ansible, the finished job's file is cleaned up.
        file.delete();
        Map<String, Object> values = new LinkedHashMap<>(status);
        List<String> warnings = new ArrayList<>();
        if (values.remove("warnings") instanceof List<?> list) {
            list.forEach(w -> warnings.add(String.valueOf(w)));
        }
        return TaskResult.builder().putAll(values).warnings(warnings);
    }

    private static boolean finished(Map<String, Object> status) {
        return status.get("finished") instanceof Number n && n.longValue() == 1;
    }

    /**
     * What the job's file keeps when the module has run: its result as the module printed it,
     * without the lines Ansible's action base splits afterwards, with its warnings.
     */
    private static Map<String, Object> jobResult(TaskResult.Builder result, Task task, String host) {
        TaskResult built = result.build(host, task);
        Map<String, Object> values = new LinkedHashMap<>(built.values());
        values.remove("stdout_lines");
        values.remove("stderr_lines");
        if (!built.warnings().isEmpty()) {
            values.put("warnings", built.warnings());
        }
        return values;
    }
}
