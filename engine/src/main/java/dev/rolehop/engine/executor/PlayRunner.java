package dev.rolehop.engine.executor;

import dev.rolehop.engine.builtin.ActionModule;
import dev.rolehop.engine.inventory.Host;
import dev.rolehop.engine.playbook.Block;
import dev.rolehop.engine.playbook.EngineActions;
import dev.rolehop.engine.playbook.RoleScope;
import dev.rolehop.engine.playbook.Scope;
import dev.rolehop.engine.playbook.Task;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;

/**
 * Runs the task sections of one play batch with Ansible's linear strategy: each task runs on
 * every active host (in parallel up to the forks) before the next starts; blocks route failed
 * hosts to their rescue and always sections; handlers run after each section.
 */
final class PlayRunner {

    private final Services services;
    private final PlayContext play;
    private final ResultHandler results;
    private final ExecutorService pool;
    private final TaskFilter filter;
    private final FailureLimits limits;
    /**
     * Whether the innermost block still has an always section to run after the current task (which
     * is in its block or rescue section): a failure then is not final yet, as in Ansible's iterator.
     */
    private boolean alwaysPending;

    PlayRunner(Services services, PlayContext play, ExecutorService pool, TaskFilter filter) {
        this.services = services;
        this.play = play;
        this.results = new ResultHandler(services, play, play.stats);
        this.pool = pool;
        this.filter = filter;
        this.limits = new FailureLimits(services, play);
    }

    void runSections() {
        List<HostState> hosts = play.batchStates();
        runItems(play.play.preTasks(), hosts, false);
        flushHandlers(hosts);
        for (RoleScope role : play.play.roles()) {
            runItems(List.of(role), hosts, false);
        }
        runItems(play.play.tasks(), hosts, false);
        flushHandlers(hosts);
        runItems(play.play.postTasks(), hosts, false);
        flushHandlers(hosts);
    }

    /** Runs the gather-facts task. */
    void gatherFacts(Task setup) {
        runTask(setup, active(play.batchStates()), false, "TASK");
    }

    private void runItems(List<Scope> items, List<HostState> hosts, boolean rescuable) {
        for (Scope item : items) {
            List<HostState> active = active(hosts);
            if (active.isEmpty() || play.ended) {
                return;
            }
            if (item instanceof Task task) {
                runTask(task, active, rescuable, "TASK");
            } else if (item instanceof Block block) {
                runBlock(block, active, rescuable);
            } else if (item instanceof RoleScope role) {
                runRole(role, active, rescuable);
            }
        }
    }

    /**
     * Runs a role's dependencies and its tasks, its tasks only on hosts it has not run on yet (a
     * dependency decides that for itself), then marks it run on the hosts that reached its end.
     */
    private void runRole(RoleScope role, List<HostState> hosts, boolean rescuable) {
        List<HostState> pending = hosts.stream()
                .filter(h -> !play.roleRuns.hasRun(role, h.name()))
                .toList();
        for (Scope item : role.tasks()) {
            runItems(List.of(item), item instanceof RoleScope ? hosts : pending, rescuable);
        }
        for (HostState host : active(hosts)) {
            play.roleRuns.reachedEnd(role, host.name());
        }
    }

    private void runBlock(Block block, List<HostState> hosts, boolean rescuable) {
        boolean hasRescue = !block.rescue().isEmpty();
        boolean outerAlwaysPending = alwaysPending;
        try {
            alwaysPending = !block.always().isEmpty();
            runItems(block.block(), hosts, rescuable || hasRescue);
            List<HostState> failed =
                    hosts.stream().filter(h -> h.failed() && !h.unreachable()).toList();
            if (hasRescue && !failed.isEmpty()) {
                failed.forEach(HostState::recover);
                runItems(block.rescue(), failed, rescuable);
            }
            alwaysPending = false;
            List<HostState> failedBeforeAlways =
                    hosts.stream().filter(HostState::failed).toList();
            failedBeforeAlways.forEach(HostState::recover);
            runItems(block.always(), hosts, rescuable);
            failedBeforeAlways.forEach(HostState::fail);
        } finally {
            alwaysPending = outerAlwaysPending;
        }
    }

    void runTask(Task task, List<HostState> hosts, boolean rescuable, String prefix) {
        if (!filter.shouldRun(task)) {
            return;
        }
        if (EngineActions.shortName(task.action()).equals("meta")) {
            runMeta(task, hosts, prefix);
            return;
        }
        services.callback().taskStart(task, results.displayName(task, hosts), prefix);
        // Every worker gets its variables built here from one snapshot of the hosts' state: the
        // results handled while they run change the state, not what they see.
        PlayContext.Snapshot snapshot = play.snapshot();
        Map<String, Object> firstHostVars =
                VariableBuilder.build(play, snapshot, hosts.get(0).host(), task, Map.of());
        boolean once = results.runOnce(task, firstHostVars) || bypassesHostLoop(task);
        List<Host> targets = once
                ? List.of(hosts.get(0).host())
                : hosts.stream().map(HostState::host).toList();
        InventoryUpdates updates = new InventoryUpdates(play);
        ResultRelay relay = new ResultRelay(
                updates.around(services.callback()),
                targets.stream().map(Host::name).toList(),
                ResultRelay.PATIENCE);
        Semaphore throttle = once ? null : Throttle.of(task, firstHostVars, services.templar());
        for (Host host : targets) {
            Map<String, Object> vars = host == targets.get(0)
                    ? firstHostVars
                    : VariableBuilder.build(play, snapshot, host, task, Map.of());
            TaskRunner runner = new TaskRunner(services, play, relay.events(host.name()));
            Throttle.acquire(throttle);
            pool.execute(relay.work(
                    host.name(), () -> Throttle.releasing(throttle, () -> runner.run(task, host, vars))));
        }
        boolean flush = false;
        List<TaskResult> finished = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            TaskResult result = updates.applied(relay.next());
            flush |= "flush_handlers".equals(result.meta()) && !result.failed();
            results.handle(result, rescuable);
            if (result.failed()
                    && !rescuable
                    && !alwaysPending
                    && play.states.get(result.host()).failed()) {
                play.failedInBatch.add(result.host());
            }
            finished.add(result);
        }
        List<Includer.Loaded> included = EngineActions.isDynamicInclude(task.action())
                ? new Includer(services, play).load(task, finished)
                : List.of();
        limits.check(task, once, finished, firstHostVars);
        for (Includer.Loaded inclusion : included) {
            runItems(List.of(inclusion.tasks()), inclusion.hosts(), rescuable);
        }
        if (flush && !play.ended) {
            flushHandlers(hosts);
        }
    }

    /** Whether the task's action runs once for all hosts, as Ansible's BYPASS_HOST_LOOP actions ({@code add_host}). */
    private boolean bypassesHostLoop(Task task) {
        return !EngineActions.isEngineAction(task.action())
                && services.registry().find(task.action()).orElse(null) instanceof ActionModule action
                && action.bypassesHostLoop();
    }

    /** Runs a {@code meta} task as Ansible's linear strategy does: host by host, each under its own banner, uncounted. */
    private void runMeta(Task task, List<HostState> hosts, String prefix) {
        boolean flush = false;
        for (HostState host : hosts) {
            services.callback().taskStart(task, results.displayName(task, hosts), prefix);
            TaskResult result = new TaskRunner(services, play, services.callback())
                    .run(task, host.host(), VariableBuilder.build(play, host.host(), task, Map.of()));
            if (result.skipped()) {
                services.callback().runnerSkipped(result);
            } else {
                flush |= "flush_handlers".equals(result.meta());
                results.handle(result, false);
            }
        }
        if (flush) {
            flushHandlers(hosts);
        }
    }

    void flushHandlers(List<HostState> hosts) {
        for (Scope item : play.handlers) {
            runHandler(item, hosts);
        }
    }

    private void runHandler(Scope item, List<HostState> hosts) {
        if (item instanceof Block block) {
            for (Scope inner : block.block()) {
                runHandler(inner, hosts);
            }
            return;
        }
        if (!(item instanceof Task handler)) {
            return;
        }
        Set<HostState> notified = new LinkedHashSet<>();
        for (HostState host : hosts) {
            if (host.takeNotification(handler) && host.active()) {
                notified.add(host);
            }
        }
        if (!notified.isEmpty()) {
            runTask(handler, new ArrayList<>(notified), false, "RUNNING HANDLER");
        }
    }

    private static List<HostState> active(List<HostState> hosts) {
        return hosts.stream().filter(HostState::active).toList();
    }
}
