package dev.rolehop.engine.executor;

/**
 * The events of one task on one host while it runs (loop items, retries, module output): what a
 * worker reports. {@link ResultRelay} passes them to the {@link Callback} in host order.
 */
public interface HostEvents {

    void itemOk(TaskResult item);

    void itemFailed(TaskResult item);

    void itemSkipped(TaskResult item);

    /** An {@code until} attempt failed and will be retried. */
    void retry(TaskResult attempt, String taskName, int retriesLeft);

    /** A result (or loop item) of a task in diff mode; its {@code diff} is shown if it changed something. */
    void diff(TaskResult result);

    /** A module's diagnostic line ({@code ModuleContext.log}), already filtered by verbosity. */
    void log(String host, String message);

    /** An async job a task waits for still runs: its status as {@code async_status} reads it. */
    void asyncPoll(String host, java.util.Map<String, Object> status);

    /** An async job a task waited for has ended, or the task stopped waiting for it ({@code failed}). */
    void asyncDone(String host, String jid, boolean failed);

    /** A line an action prints itself ({@code pause}). */
    void display(String line);
}
