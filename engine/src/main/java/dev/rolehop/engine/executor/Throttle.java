package dev.rolehop.engine.executor;

import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.engine.playbook.Keyword;
import dev.rolehop.engine.playbook.KeywordValues;
import dev.rolehop.engine.playbook.Task;
import dev.rolehop.engine.template.Templar;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

/**
 * The {@code throttle} keyword as Ansible's strategy applies it: at most that many hosts run the
 * task at once (below the forks); {@code 0} (the default) means no limit, and a {@code run_once}
 * task ignores it. The value is templated with the first host's variables and converted with
 * Python's {@code int()}.
 */
final class Throttle {

    private Throttle() {}

    /**
     * The permits of a task's throttle, or {@code null} when it sets none.
     *
     * @throws AnsibleError Ansible's "Failed to convert the throttle value to an integer." at the task
     */
    static Semaphore of(Task task, Map<String, Object> vars, Templar templar) {
        Object raw = TaskKeywords.raw(task, Keyword.THROTTLE);
        if (raw == null) {
            return null;
        }
        long throttle;
        try {
            Object value = templar.template(raw, vars);
            throttle = value == Templar.OMIT ? 0 : KeywordValues.integer(value);
        } catch (RuntimeException e) {
            throw new AnsibleError("Failed to convert the throttle value to an integer.", task.position());
        }
        return throttle > 0 ? new Semaphore((int) Math.min(throttle, Integer.MAX_VALUE), true) : null;
    }

    /**
     * Takes a permit before a host's run is queued (waits for a running host to finish when all are
     * taken), so that hosts start in order, as Ansible queues them.
     */
    static void acquire(Semaphore throttle) {
        if (throttle == null) {
            return;
        }
        try {
            throttle.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Runs a host's work and gives its permit back when it is done. */
    static <T> T releasing(Semaphore throttle, Supplier<T> work) {
        try {
            return work.get();
        } finally {
            if (throttle != null) {
                throttle.release();
            }
        }
    }
}
