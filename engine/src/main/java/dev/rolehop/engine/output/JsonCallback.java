package dev.rolehop.engine.output;

import dev.rolehop.engine.executor.Stats;
import dev.rolehop.engine.executor.TaskResult;
import dev.rolehop.engine.playbook.Play;
import dev.rolehop.engine.playbook.Task;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ansible's {@code json} stdout callback ({@code ANSIBLE_STDOUT_CALLBACK=json}, ansible.posix):
 * nothing while the run goes, then one JSON document — the plays with their tasks, each task's
 * result per host as the callback receives it, and the recap counts. Results are cleaned as
 * Ansible's {@code TaskResult.clean_copy} cleans them ({@link ResultView#forCallback}),
 * and secrets are masked like every other output.
 */
public final class JsonCallback extends DisplayCallback {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final Clock clock;
    // Ansible's ids: node-ish and random hex parts fixed per run, then a hex counter.
    private final String idPrefix = String.format(
            "%08x-%04x-%04x-%04x",
            RANDOM.nextInt(), RANDOM.nextInt(0x10000), RANDOM.nextInt(0x10000), RANDOM.nextInt(0x10000));
    private final Map<Object, String> idOf = new IdentityHashMap<>();
    private final List<Map<String, Object>> plays = new ArrayList<>();
    private Map<String, Object> play;
    private Map<String, Object> task;

    public JsonCallback(Display display) {
        this(display, Clock.systemUTC());
    }

    JsonCallback(Display display, Clock clock) {
        super(display);
        this.clock = clock;
    }

    @Override
    public void playbookStart(Path playbook) {
        // The json callback reports plays, not playbooks.
    }

    @Override
    public synchronized void playStart(Play p, String name) {
        play = new LinkedHashMap<>();
        play.put(
                "play",
                header(p, name.strip(), p.position().file() + ":" + p.position().line()));
        play.put("tasks", new ArrayList<Map<String, Object>>());
        plays.add(play);
    }

    @Override
    public synchronized void taskStart(Task t, String name, String prefix) {
        task = new LinkedHashMap<>();
        task.put("task", header(t, name.strip(), t.path()));
        task.put("hosts", new TreeMap<String, Object>());
        tasks().add(task);
    }

    private Map<String, Object> header(Object owner, String name, String path) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("name", name);
        header.put("id", idOf.computeIfAbsent(owner, o -> idPrefix + String.format("-%012x", idOf.size() + 1)));
        header.put("path", path);
        Map<String, Object> duration = new LinkedHashMap<>();
        duration.put("start", now());
        header.put("duration", duration);
        return header;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> tasks() {
        return (List<Map<String, Object>>) play.get("tasks");
    }

    @Override
    public void runnerOk(TaskResult result) {
        record(result, null);
    }

    @Override
    public void runnerFailed(TaskResult result, boolean ignoreErrors) {
        record(result, "failed");
    }

    @Override
    public void runnerSkipped(TaskResult result) {
        record(result, "skipped");
    }

    @Override
    public void runnerUnreachable(TaskResult result) {
        record(result, null);
    }

    /** Ansible's {@code _record_task_result}: the result as callbacks receive it, the event's status, the action. */
    @SuppressWarnings("unchecked")
    private synchronized void record(TaskResult result, String status) {
        Map<String, Object> values = ResultView.forCallback(result);
        if (status != null) {
            values.put(status, true);
        }
        values.put("action", result.task().action());
        ((Map<String, Object>) task.get("hosts")).put(result.host(), values);
        String end = now();
        duration(task, "task").put("end", end);
        duration(play, "play").put("end", end);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> duration(Map<String, Object> entry, String key) {
        return (Map<String, Object>) ((Map<String, Object>) entry.get(key)).get("duration");
    }

    @Override
    public void itemOk(TaskResult item) {
        // Items reach the json callback inside their task's result ("results").
    }

    @Override
    public void itemFailed(TaskResult item) {
        // As itemOk.
    }

    @Override
    public void itemSkipped(TaskResult item) {
        // As itemOk.
    }

    @Override
    public void retry(TaskResult attempt, String taskName, int retriesLeft) {
        // Only the final attempt is recorded.
    }

    @Override
    public void asyncPoll(String host, Map<String, Object> status) {
        // Ansible's json callback has no async events.
    }

    @Override
    public void asyncDone(String host, String jid, boolean failed) {
        // Ansible's json callback has no async events.
    }

    @Override
    public void diff(TaskResult result) {
        // A diff stays in its result's "diff" key.
    }

    @Override
    public void include(Task t, String file, List<String> hosts, String itemLabel) {
        // Includes are not events of the json callback.
    }

    @Override
    public void noHostsMatched() {
        // Nor are these.
    }

    @Override
    public void noHostsRemaining() {
        // Nor are these.
    }

    @Override
    public void handlerNotified(Task handler, String host) {
        // Nor are these.
    }

    @Override
    public synchronized void stats(Stats stats) {
        Map<String, Object> summary = new TreeMap<>();
        stats.processed().forEach((host, c) -> {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("changed", c.changed);
            counts.put("failures", c.failures);
            counts.put("ignored", c.ignored);
            counts.put("ok", c.ok);
            counts.put("rescued", c.rescued);
            counts.put("skipped", c.skipped);
            counts.put("unreachable", c.unreachable);
            summary.put(host, counts);
        });
        Map<String, Object> output = new LinkedHashMap<>();
        // Custom stats appear only with the callback's show_custom_stats option, off by default.
        output.put("custom_stats", Map.of());
        output.put("global_custom_stats", Map.of());
        output.put("plays", plays);
        output.put("stats", summary);
        display.display(PyJson.indentedAscii(output, 4));
    }

    private String now() {
        return TIME.format(clock.instant());
    }
}
