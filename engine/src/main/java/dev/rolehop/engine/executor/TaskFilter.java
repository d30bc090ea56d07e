package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.Task;
import java.util.List;
import java.util.Set;

/**
 * Decides which tasks run under {@code --tags}, {@code --skip-tags} and {@code --start-at-task},
 * with Ansible's special tags {@code always}, {@code never}, {@code all}, {@code tagged} and
 * {@code untagged}.
 */
final class TaskFilter {

    private final List<String> only;
    private final List<String> skip;
    private String startAt;

    TaskFilter(RunOptions options) {
        this.only = options.tags();
        this.skip = options.skipTags();
        this.startAt = options.startAtTask();
    }

    /** Whether the task runs; the first task matching --start-at-task ends the skipping. */
    synchronized boolean shouldRun(Task task) {
        if (!tagsAllow(task.tags())) {
            return false;
        }
        if (startAt != null) {
            if (startAt.equals(task.name()) || startAt.equals(TaskNames.of(task))) {
                startAt = null;
                return true;
            }
            return false;
        }
        return true;
    }

    /** Whether --start-at-task is still waiting for its task. */
    synchronized boolean waitingForStart() {
        return startAt != null;
    }

    boolean tagsAllow(Set<String> tags) {
        return new TagSelection(only, skip).allows(tags);
    }
}
