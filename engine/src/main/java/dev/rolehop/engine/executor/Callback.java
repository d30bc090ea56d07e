package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.Play;
import dev.rolehop.engine.playbook.Task;
import java.nio.file.Path;
import java.util.List;

/**
 * Receives the run's events in order, as Ansible's callback plugins do. Only callbacks format
 * output; the executor never prints.
 */
public interface Callback {

    void playbookStart(Path playbook);

    /** The playbook, as given, holds this many plays (imported playbooks' included). */
    default void playsLoaded(Path playbook, int plays) {
    }

    void playStart(Play play, String name);

    /** A task is about to run; {@code prefix} is {@code TASK}, {@code RUNNING HANDLER}... */
    void taskStart(Task task, String name, String prefix);

    void runnerOk(TaskResult result);

    void runnerFailed(TaskResult result, boolean ignoreErrors);

    void runnerSkipped(TaskResult result);

    void runnerUnreachable(TaskResult result);

    void itemOk(TaskResult item);

    void itemFailed(TaskResult item);

    void itemSkipped(TaskResult item);

    /** An {@code until} attempt failed and will be retried. */
    void retry(TaskResult attempt, String taskName, int retriesLeft);

    /** A result (or loop item) of a task in diff mode; its {@code diff} is shown if it changed something. */
    void diff(TaskResult result);

    /** An {@code include_tasks} file was included for hosts; {@code itemLabel} names its loop item, or is null. */
    void include(Task task, String file, List<String> hosts, String itemLabel);

    void noHostsMatched();

    void noHostsRemaining();

    void handlerNotified(Task handler, String host);

    void stats(Stats stats);

    /** A module's diagnostic line ({@code ModuleContext.log}), already filtered by verbosity. */
    void log(String host, String message);

    /** A line an action prints itself ({@code pause}). */
    void display(String line);

    /** A warning for stderr ({@code [WARNING]: ...}). */
    void warning(String message);

    /**
     * An error for stderr that does not stop the run, as Ansible's {@code display.error}:
     * {@code [ERROR]: ...} wrapped to the screen, or {@code ERROR! ...} unwrapped.
     */
    void error(String message, boolean wrapText);
}
