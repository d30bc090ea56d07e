package dev.rolehop.engine.executor;

import static dev.rolehop.engine.error.ExitCode.HOST_FAILED;
import static dev.rolehop.engine.error.ExitCode.HOST_UNREACHABLE;
import static dev.rolehop.engine.error.ExitCode.OK;

import dev.rolehop.engine.inventory.Host;
import dev.rolehop.engine.inventory.HostPattern;
import dev.rolehop.engine.inventory.Inventory;
import dev.rolehop.engine.module.ModuleRegistry;
import dev.rolehop.engine.playbook.Play;
import dev.rolehop.engine.playbook.Playbook;
import dev.rolehop.engine.playbook.PlaybookLoader;
import dev.rolehop.engine.template.Templar;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs playbooks as ansible-playbook does and returns its exit code: 0 when every host succeeded,
 * 2 when a host failed, 4 when a host was unreachable. Loading errors are thrown as
 * {@link dev.rolehop.engine.error.AnsibleError}s for the caller to report.
 */
public final class PlaybookRunner {

    private final Services services;

    public PlaybookRunner(
            ModuleRegistry registry,
            Templar templar,
            Callback callback,
            SecretMasker masker,
            Prompter prompter,
            Sleeper sleeper,
            List<Path> rolesPath) {
        PlaybookLoader loader = new PlaybookLoader(registry, rolesPath, templar.vault());
        this.services = new Services(
                registry,
                templar,
                new ModuleInvoker(registry, templar),
                callback,
                masker,
                prompter,
                sleeper,
                new AsyncJobs(),
                loader);
    }

    /** Loads a playbook without running it (for --syntax-check and the listings). */
    public Playbook load(Path file) {
        return services.loader().load(file);
    }

    public int run(List<Path> playbooks, Inventory inventory, RunOptions options) {
        Stats stats = new Stats();
        Map<String, HostState> states = new LinkedHashMap<>();
        TaskFilter filter = new TaskFilter(options);
        ExecutorService pool = Executors.newFixedThreadPool(options.forks(), runnable -> {
            Thread thread = new Thread(runnable, "rolehop-fork");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (Path file : playbooks) {
                Playbook playbook = services.loader().load(file);
                services.callback().playbookStart(file);
                services.callback().playsLoaded(file, playbook.plays().size());
                boolean hostsLeft = true;
                for (Play play : playbook.plays()) {
                    hostsLeft = runPlay(play, inventory, options, stats, states, filter, pool);
                    if (!hostsLeft) {
                        break;
                    }
                }
                // Each playbook ends with a recap of the counts so far; the next runs only if all went well.
                services.callback().stats(stats);
                if (!hostsLeft || exitCode(states) != OK) {
                    break;
                }
            }
        } finally {
            pool.shutdownNow();
            services.asyncJobs().endRun();
        }
        if (filter.waitingForStart()) {
            services.callback()
                    .error(
                            "No matching task \"" + options.startAtTask() + "\" found. Note: --start-at-task "
                                    + "can only follow static includes.",
                            true);
        }
        return exitCode(states);
    }

    /**
     * The exit code by the hosts' state, as Ansible decides it: a host a rescue recovered has not
     * failed, even when the recap counts its failure (an include that could not be read).
     */
    private static int exitCode(Map<String, HostState> states) {
        boolean unreachable = states.values().stream().anyMatch(HostState::unreachable);
        boolean failed = states.values().stream().anyMatch(HostState::failed);
        return unreachable ? HOST_UNREACHABLE : failed ? HOST_FAILED : OK;
    }

    /** Runs one play; false when no host is left to run later plays on. */
    private boolean runPlay(
            Play play,
            Inventory inventory,
            RunOptions options,
            Stats stats,
            Map<String, HostState> states,
            TaskFilter filter,
            ExecutorService pool) {
        PlayKeywords keywords = PlayKeywords.of(play, services.templar(), options.extraVars());
        String pattern = String.valueOf(services.templar().template(play.hostPattern(), options.extraVars()));
        List<Host> hosts = HostPattern.select(inventory, pattern, options.limit(), services.callback()::warning);
        hosts.removeIf(h -> states.containsKey(h.name())
                && (states.get(h.name()).failed() || states.get(h.name()).unreachable()));
        PlayContext context = new PlayContext(play, inventory, options, stats, states, hosts);
        PlayVariables variables = new PlayVariables(services, context);
        variables.prompts();
        if (hosts.isEmpty()) {
            services.callback().playStart(play, play.name());
            services.callback().noHostsMatched();
            return true;
        }
        for (HostState state : context.batchStates()) {
            state.startPlay();
        }
        List<List<Host>> batches = Batches.of(hosts, keywords.serial());
        for (int number = 0; number < batches.size(); number++) {
            List<Host> batch = batches.get(number);
            // Ansible runs each serial batch as a play of its own, under its own banner.
            services.callback().playStart(play, play.name());
            if (number == 0) {
                // Ansible reads vars_files when it first needs a host's variables: after the banner.
                variables.varsFiles();
            }
            context.batch = batch;
            context.failedInBatch.clear();
            PlayRunner runner = new PlayRunner(services, context, pool, filter);
            if (keywords.gatherFacts()) {
                runner.gatherFacts(GatherFacts.task(play));
            }
            runner.runSections();
            boolean anyLeft = batch.stream()
                    .anyMatch(h -> !states.get(h.name()).failed()
                            && !states.get(h.name()).unreachable());
            if (!anyLeft || context.broken) {
                return false;
            }
        }
        return true;
    }
}
