package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.Keyword;
import dev.rolehop.engine.playbook.KeywordValues;
import dev.rolehop.engine.playbook.Task;
import dev.rolehop.python.Truth;
import java.util.List;
import java.util.Map;

/**
 * {@code any_errors_fatal} and {@code max_fail_percentage} as Ansible's linear strategy checks them
 * after each task: a fatal failure (or one of a {@code run_once} task) fails every host of the
 * batch, and so does a share of failed hosts above the percentage; then the play stops with
 * {@code NO MORE HOSTS LEFT} and no later batch or play runs. Hosts failed this way are not
 * counted as failed in the recap, as in Ansible.
 */
final class FailureLimits {

    private final Services services;
    private final PlayContext play;

    FailureLimits(Services services, PlayContext play) {
        this.services = services;
        this.play = play;
    }

    /**
     * Checks the limits after a task has finished on its hosts and stops the play when one is hit.
     * Only final failures count (those no rescue or always section handles yet), as {@link PlayContext#failedInBatch}.
     *
     * @param once whether the task ran once for the batch ({@code run_once})
     */
    void check(Task task, boolean once, List<TaskResult> finished, Map<String, Object> vars) {
        List<HostState> left =
                play.batchStates().stream().filter(h -> !h.unreachable()).toList();
        boolean stop = false;
        boolean hostLost = finished.stream().anyMatch(r -> play.failedInBatch.contains(r.host()) || r.unreachable());
        if (hostLost && fatal(task, once)) {
            left.forEach(h -> play.failedInBatch.add(h.name()));
            stop = true;
        }
        Object maxFail = play.play.own("max_fail_percentage");
        if (maxFail != null
                && !finished.isEmpty()
                && (double) play.failedInBatch.size() / play.batch.size() > percent(maxFail, vars) / 100.0) {
            left.forEach(h -> play.failedInBatch.add(h.name()));
            services.callback().noHostsRemaining();
            stop = true;
        }
        if (stop) {
            play.broken = true;
            if (play.failedInBatch.size() >= left.size()) {
                services.callback().noHostsRemaining();
                play.ended = true;
                play.batchStates().forEach(HostState::end);
            }
        }
    }

    /**
     * Whether a failure of the task stops the batch, as Ansible's linear strategy decides it: from
     * the task's {@code any_errors_fatal} and {@code ignore_errors} as written (the strategy reads
     * its own task object, which is never templated), by Python truth.
     */
    private static boolean fatal(Task task, boolean once) {
        boolean fatal = once || Truth.of(TaskKeywords.raw(task, Keyword.ANY_ERRORS_FATAL));
        return fatal && !Truth.of(TaskKeywords.raw(task, Keyword.IGNORE_ERRORS));
    }

    /** The play's {@code max_fail_percentage} (Ansible's percent type: a number, optionally written with a {@code %}). */
    private double percent(Object value, Map<String, Object> vars) {
        return (Double) KeywordValues.convert(
                Keyword.MAX_FAIL_PERCENTAGE, value, services.templar().template(value, vars));
    }
}
