package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.Task;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.python.Truth;
import java.util.Map;

/** Decides whether a task reports diffs: its {@code diff} keyword (innermost wins), else {@code --diff}. */
final class DiffMode {

    private DiffMode() {
    }

    static boolean of(Task task, Map<String, Object> vars, Templar templar, RunOptions options) {
        Object diff = task.inherited("diff");
        if (diff == null) {
            return options.diff();
        }
        Object rendered = templar.template(diff, vars);
        return rendered == Templar.OMIT ? options.diff() : Truth.of(rendered);
    }
}
