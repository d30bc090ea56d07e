package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.Play;
import dev.rolehop.engine.playbook.Task;
import java.nio.file.Path;
import java.util.List;

/**
 * Receives the run's events in order, as Ansible's callback plugins do. Only callbacks format
 * output; the executor never prints. The events of one host's task as it runs are those of
 * {@link HostEvents}.
 */
public interface Callback extends HostEvents {

    void playbookStart(Path playbook);

    /** The playbook, as given, holds this many plays (imported playbooks' included). */
    default void playsLoaded(Path playbook, int plays) {}

    void playStart(Play play, String name);

    /** A task is about to run; {@code prefix} is {@code TASK}, {@code RUNNING HANDLER}... */
    void taskStart(Task task, String name, String prefix);

    void runnerOk(TaskResult result);

    void runnerFailed(TaskResult result, boolean ignoreErrors);

    void runnerSkipped(TaskResult result);

    void runnerUnreachable(TaskResult result);

    /** An {@code include_tasks} file was included for hosts; {@code itemLabel} names its loop item, or is null. */
    void include(Task task, String file, List<String> hosts, String itemLabel);

    void noHostsMatched();

    void noHostsRemaining();

    void handlerNotified(Task handler, String host);

    void stats(Stats stats);

    /** A warning for stderr ({@code [WARNING]: ...}). */
    void warning(String message);

    /**
     * An error for stderr that does not stop the run, as Ansible's {@code display.error}:
     * {@code [ERROR]: ...} wrapped to the screen, or {@code ERROR! ...} unwrapped.
     */
    void error(String message, boolean wrapText);
}
