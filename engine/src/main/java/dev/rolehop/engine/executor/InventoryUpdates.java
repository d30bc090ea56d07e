package dev.rolehop.engine.executor;

import dev.rolehop.engine.inventory.DynamicInventory;
import dev.rolehop.engine.inventory.Host;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out the inventory changes of one task's results ({@code add_host}, {@code group_by}) on
 * the strategy's thread, as Ansible's strategy does before it reports a result: each result, and
 * each loop item before the callback shows it, gets {@code changed} as the inventory decided it.
 */
final class InventoryUpdates {

    private final PlayContext play;
    private final DynamicInventory inventory;
    /** The loop items of each host as reported, changes applied, for the host's final result. */
    private final Map<String, List<TaskResult>> items = new HashMap<>();

    InventoryUpdates(PlayContext play) {
        this.play = play;
        this.inventory = new DynamicInventory(play.inventory);
    }

    /** The events of a task's run, with each successful loop item's change applied before it is shown. */
    HostEvents around(HostEvents callback) {
        return new HostEvents() {
            @Override
            public void itemOk(TaskResult item) {
                TaskResult applied = apply(item);
                items.computeIfAbsent(item.host(), h -> new ArrayList<>()).add(applied);
                callback.itemOk(applied);
            }

            @Override
            public void itemFailed(TaskResult item) {
                items.computeIfAbsent(item.host(), h -> new ArrayList<>()).add(item);
                callback.itemFailed(item);
            }

            @Override
            public void itemSkipped(TaskResult item) {
                items.computeIfAbsent(item.host(), h -> new ArrayList<>()).add(item);
                callback.itemSkipped(item);
            }

            @Override
            public void retry(TaskResult attempt, String taskName, int retriesLeft) {
                callback.retry(attempt, taskName, retriesLeft);
            }

            @Override
            public void diff(TaskResult result) {
                callback.diff(result);
            }

            @Override
            public void log(String host, String message) {
                callback.log(host, message);
            }

            @Override
            public void asyncPoll(String host, Map<String, Object> status) {
                callback.asyncPoll(host, status);
            }

            @Override
            public void asyncDone(String host, String jid, boolean failed) {
                callback.asyncDone(host, jid, failed);
            }

            @Override
            public void display(String line) {
                callback.display(line);
            }
        };
    }

    /**
     * A host's final result with its change applied; a loop's takes its items as they were shown,
     * and has changed when one of them did.
     */
    TaskResult applied(TaskResult result) {
        if (!result.looped()) {
            return apply(result);
        }
        List<TaskResult> shown = items.getOrDefault(result.host(), List.of());
        if (shown.size() != result.items().size() || shown.stream().noneMatch(TaskResult::changed)) {
            return result;
        }
        return result.toBuilder().items(shown).put("changed", true).build(result.host(), result.task());
    }

    private TaskResult apply(TaskResult result) {
        if (result.failed() || result.skipped()) {
            return result;
        }
        boolean changed;
        if (result.get("add_host") instanceof Map<?, ?> addHost) {
            String name = String.valueOf(addHost.get("host_name"));
            changed = inventory.addHost(name, strings(addHost.get("groups")), vars(addHost.get("host_vars")));
            Host host = play.inventory.hosts().get(name);
            if (changed && !play.hostsAll().contains(host)) {
                play.hostAdded(host);
            }
        } else if (result.get("add_group") != null) {
            changed = inventory.addToGroup(
                    play.inventory.host(result.host()),
                    String.valueOf(result.get("add_group")),
                    strings(result.get("parent_groups")));
        } else {
            return result;
        }
        return result.toBuilder().put("changed", changed).build(result.host(), result.task());
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    private static Map<String, Object> vars(Object value) {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }
}
