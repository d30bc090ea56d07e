package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.Keyword;
import dev.rolehop.engine.playbook.KeywordValueError;
import dev.rolehop.engine.playbook.Task;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.python.Truth;
import java.util.Map;

/** Decides whether a task reports diffs: its {@code diff} keyword (innermost wins, Ansible's bool), else {@code --diff}. */
final class DiffMode {

    private DiffMode() {}

    static boolean of(Task task, Map<String, Object> vars, Templar templar, RunOptions options) {
        try {
            return new TaskKeywords(templar).bool(task, Keyword.DIFF, vars, options.diff());
        } catch (KeywordValueError e) {
            // The task has already failed for this value; what Ansible's task object still holds is the value as
            // written.
            return Truth.of(TaskKeywords.raw(task, Keyword.DIFF));
        }
    }
}
