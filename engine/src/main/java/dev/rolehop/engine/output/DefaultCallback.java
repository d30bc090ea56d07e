package dev.rolehop.engine.output;

import dev.rolehop.engine.executor.Stats;
import dev.rolehop.engine.executor.TaskResult;
import dev.rolehop.engine.playbook.EngineActions;
import dev.rolehop.engine.playbook.Play;
import dev.rolehop.engine.playbook.Task;
import dev.rolehop.engine.template.PythonText;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** ansible-playbook's default stdout callback, line for line. */
public final class DefaultCallback extends DisplayCallback {

    private Task lastBanner;
    private String lastTaskName;
    private String lastPrefix = "TASK";

    private final String positional;
    private final Map<String, String> arguments;

    public DefaultCallback(Display display) {
        this(display, "", Map.of());
    }

    /**
     * A callback that shows at {@code -vvvv}, after the PLAYBOOK banner, the positional arguments
     * and the options given, as ansible-playbook's default callback does.
     */
    public DefaultCallback(Display display, String positional, Map<String, String> arguments) {
        super(display);
        this.positional = positional;
        this.arguments = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(arguments));
    }

    @Override
    public void playbookStart(Path playbook) {
        if (display.verbosity() > 1) {
            display.banner("PLAYBOOK: " + playbook.getFileName());
        }
        if (display.verbosity() > 3) {
            if (!positional.isEmpty()) {
                display.display("Positional arguments: " + positional, Color.VERBOSE);
            }
            arguments.forEach((name, value) -> display.display(name + ": " + value, Color.VERBOSE));
        }
    }

    @Override
    public void playsLoaded(Path playbook, int plays) {
        display.verbose(2, plays + " plays in " + playbook);
    }

    @Override
    public void playStart(Play play, String name) {
        String text = name.strip();
        display.banner(text.isEmpty() ? "PLAY" : "PLAY [" + text + "]");
    }

    @Override
    public synchronized void taskStart(Task task, String name, String prefix) {
        lastTaskName = name.strip();
        lastPrefix = prefix;
        printBanner(task);
    }

    private void printBanner(Task task) {
        display.banner(lastPrefix + " [" + lastTaskName + "]");
        if (display.verbosity() >= 2) {
            display.display("task path: " + task.path(), Color.DEBUG);
        }
        lastBanner = task;
    }

    private void bannerIfNeeded(Task task) {
        if (lastBanner != task) {
            printBanner(task);
        }
    }

    @Override
    public synchronized void runnerOk(TaskResult result) {
        bannerIfNeeded(result.task());
        if (EngineActions.isDynamicInclude(result.task().action())) {
            // What an include loads is reported by include(), as Ansible's callback does.
            return;
        }
        String msg = (result.changed() ? "changed" : "ok") + ": [" + label(result) + "]";
        Color color = result.changed() ? Color.CHANGED : Color.OK;
        warnings(result);
        if (showsItems(result)) {
            return;
        }
        if (verbose(result, 0)) {
            msg += " => " + dump(result, true);
        }
        display.display(msg, color);
    }

    @Override
    public synchronized void runnerFailed(TaskResult result, boolean ignoreErrors) {
        bannerIfNeeded(result.task());
        exception(result);
        warnings(result);
        if (!showsItems(result)) {
            display.display("fatal: [" + label(result) + "]: FAILED! => " + dump(result, true), Color.ERROR);
        }
        if (ignoreErrors) {
            display.display("...ignoring", Color.SKIP);
        }
    }

    @Override
    public synchronized void runnerSkipped(TaskResult result) {
        bannerIfNeeded(result.task());
        String msg = "skipping: [" + result.host() + "]";
        if (verbose(result, 0)) {
            msg += " => " + dump(result);
        }
        display.display(msg, Color.SKIP);
    }

    @Override
    public synchronized void runnerUnreachable(TaskResult result) {
        bannerIfNeeded(result.task());
        display.display("fatal: [" + label(result) + "]: UNREACHABLE! => " + dump(result), Color.UNREACHABLE);
    }

    @Override
    public synchronized void itemOk(TaskResult item) {
        bannerIfNeeded(item.task());
        if (EngineActions.isDynamicInclude(item.task().action())) {
            return;
        }
        String msg = (item.changed() ? "changed" : "ok") + ": [" + label(item) + "] => (item=" + itemLabel(item) + ")";
        if (verbose(item, 0)) {
            msg += " => " + dump(item);
        }
        display.display(msg, item.changed() ? Color.CHANGED : Color.OK);
    }

    @Override
    public synchronized void itemFailed(TaskResult item) {
        bannerIfNeeded(item.task());
        exception(item);
        warnings(item);
        display.display(
                "failed: [" + label(item) + "] (item=" + itemLabel(item) + ") => " + dump(item, true), Color.ERROR);
    }

    @Override
    public synchronized void itemSkipped(TaskResult item) {
        bannerIfNeeded(item.task());
        String msg = "skipping: [" + item.host() + "] => (item=" + itemLabel(item) + ") ";
        if (verbose(item, 0)) {
            msg += " => " + dump(item);
        }
        display.display(msg, Color.SKIP);
    }

    @Override
    public synchronized void retry(TaskResult attempt, String taskName, int retriesLeft) {
        String msg =
                "FAILED - RETRYING: [" + label(attempt) + "]: " + taskName + " (" + retriesLeft + " retries left).";
        if (verbose(attempt, 2)) {
            msg += "Result was: " + dump(attempt);
        }
        display.display(msg, Color.DEBUG);
    }

    @Override
    public synchronized void asyncPoll(String host, Map<String, Object> status) {
        display.display(
                "ASYNC POLL on " + host + ": jid=" + PythonText.str(status.get("ansible_job_id")) + " started="
                        + PythonText.str(status.get("started")) + " finished=" + PythonText.str(status.get("finished")),
                Color.DEBUG);
    }

    @Override
    public synchronized void asyncDone(String host, String jid, boolean failed) {
        display.display("ASYNC " + (failed ? "FAILED" : "OK") + " on " + host + ": jid=" + jid, Color.DEBUG);
    }

    @Override
    public synchronized void diff(TaskResult result) {
        Object diff = result.diff();
        // A no_log result reaches Ansible's callback censored, without its diff.
        if (result.changed() && !result.noLog() && diff != null && dev.rolehop.python.Truth.of(diff)) {
            String text = DiffText.render(diff);
            if (!text.isEmpty()) {
                bannerIfNeeded(result.task());
                display.display(text);
            }
        }
    }

    @Override
    public synchronized void include(Task task, String file, List<String> hosts, String itemLabel) {
        String msg = "included: " + file + " for " + String.join(", ", hosts);
        if (itemLabel != null) {
            msg += " => (item=" + itemLabel + ")";
        }
        display.display(msg, Color.SKIP);
    }

    @Override
    public void noHostsMatched() {
        display.display("skipping: no hosts matched", Color.SKIP);
    }

    @Override
    public void noHostsRemaining() {
        display.banner("NO MORE HOSTS LEFT");
    }

    @Override
    public void handlerNotified(Task handler, String host) {
        if (display.verbosity() > 1) {
            display.display("NOTIFIED HANDLER " + handler.name() + " for " + host, Color.VERBOSE);
        }
    }

    @Override
    public void stats(Stats stats) {
        display.banner("PLAY RECAP");
        for (Map.Entry<String, Stats.Counts> entry : stats.processed().entrySet()) {
            Stats.Counts t = entry.getValue();
            display.display(String.format(
                    "%-26s : %s %s %s %s %s %s %s",
                    entry.getKey(),
                    count("ok", t.ok),
                    count("changed", t.changed),
                    count("unreachable", t.unreachable),
                    count("failed", t.failures),
                    count("skipped", t.skipped),
                    count("rescued", t.rescued),
                    count("ignored", t.ignored)));
        }
        display.display("");
    }

    private static String count(String lead, int number) {
        return String.format("%s=%-4s", lead, number);
    }

    /**
     * Ansible's {@code _handle_exception}: a result's {@code exception} (a module's traceback) as its
     * last line, or whole at {@code -vvv}.
     */
    private void exception(TaskResult result) {
        if (result.noLog() || !(result.values().get("exception") instanceof String text)) {
            return;
        }
        if (display.verbosity() < 3) {
            String[] lines = text.strip().split("\n", -1);
            display.display(
                    "An exception occurred during task execution. To see the full traceback, use -vvv. The error was: "
                            + lines[lines.length - 1],
                    Color.ERROR);
        } else {
            display.display("The full traceback is:\n" + text, Color.ERROR);
        }
    }

    /** Ansible's {@code _handle_warnings}: the result's warnings, then its deprecations, on stderr. */
    private void warnings(TaskResult result) {
        result.warnings().forEach(display::warning);
        result.deprecations().forEach(display::deprecated);
    }

    private boolean verbose(TaskResult result, int level) {
        return (display.verbosity() > level || ResultView.verboseAlways(result)) && !ResultView.verboseOverride(result);
    }

    private String dump(TaskResult result) {
        return dump(result, false);
    }

    /** The result as {@code _dump_results} prints it; without the warnings the event has printed. */
    private String dump(TaskResult result, boolean warningsShown) {
        Map<String, Object> view = ResultView.of(result, display.verbosity(), warningsShown);
        boolean indent = ResultView.verboseAlways(result) || display.verbosity() > 2;
        return indent ? PyJson.indented(view, 4) : PyJson.compact(view);
    }

    /**
     * Whether a loop's result is shown by its items alone. A no_log result reaches Ansible's callback
     * censored, without its {@code results}, so it prints as a plain result after its items.
     */
    private static boolean showsItems(TaskResult result) {
        return result.looped() && !result.noLog();
    }

    private static String label(TaskResult result) {
        Object delegate = result.task().inherited("delegate_to");
        if (delegate != null && !String.valueOf(delegate).equals(result.host())) {
            return result.host() + " -> " + delegate;
        }
        return result.host();
    }

    private static String itemLabel(TaskResult item) {
        if (item.noLog()) {
            // Ansible censors the result before labelling it, so the item is gone and the label is None.
            return "None";
        }
        return PythonText.str(item.itemLabel());
    }
}
