package dev.rolehop.engine.delegate;

import dev.rolehop.engine.builtin.ActionContext;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The modules of one run that rolehop does not build in: found by {@link PluginRouting} as
 * ansible-core finds them, and run through Ansible's own code by one {@link ModuleWorker} per
 * interpreter, started on the first task that needs it and stopped when the run ends.
 */
public final class DelegatedModules implements ModuleFinder, AutoCloseable {

    private final Map<String, String> environment;
    private final AnsibleSettings settings;
    private final PluginRouting routing;
    private final PluginRouting.Events events;
    private final List<DelegatedArguments> hooks;
    private final Map<String, DelegatedModule> modules = new ConcurrentHashMap<>();
    private final Map<String, Object> workers = new LinkedHashMap<>();
    private final List<Path> moduleUtilsDirs = new ArrayList<>();
    private final java.util.Set<Path> prepared = ConcurrentHashMap.newKeySet();
    private boolean prestart;
    private boolean closed;

    /**
     * @param environment the run's environment (where Ansible's settings and Python are found)
     * @param events      where resolution reports redirects and deprecations while playbooks load
     * @param hooks       the argument hooks of this run
     */
    public DelegatedModules(
            Map<String, String> environment, PluginRouting.Events events, List<DelegatedArguments> hooks) {
        this(environment, events, hooks, null);
    }

    /** With another search for ansible-core (tests: none installed). */
    DelegatedModules(
            Map<String, String> environment,
            PluginRouting.Events events,
            List<DelegatedArguments> hooks,
            java.util.function.Supplier<AnsibleInstallation.Probe> probe) {
        this.environment = Map.copyOf(environment);
        this.settings = AnsibleSettings.of(environment);
        this.routing = new PluginRouting(settings, probe != null ? probe : this::findAnsible);
        this.events = events;
        this.hooks = List.copyOf(hooks);
    }

    /** The argument hooks on the class path ({@code META-INF/services}), one new instance each. */
    public static List<DelegatedArguments> discoverHooks() {
        List<DelegatedArguments> out = new ArrayList<>();
        ServiceLoader.load(DelegatedArguments.class).forEach(out::add);
        return out;
    }

    /**
     * Whether loading a playbook starts the worker as soon as a task names a module it will run
     * (in the background, while the rest loads and runs), and has it import that module's
     * module_utils ahead of the first run; off for {@code --syntax-check} and the listings.
     */
    public DelegatedModules prestart(boolean value) {
        this.prestart = value;
        return this;
    }

    AnsibleSettings settings() {
        return settings;
    }

    List<DelegatedArguments> hooks() {
        return hooks;
    }

    /** The routing, for tests and messages. */
    public PluginRouting routing() {
        return routing;
    }

    @Override
    public Optional<Module> find(String name) {
        return find(name, PluginRouting.Events.NONE);
    }

    @Override
    public Optional<Module> load(String name) {
        return find(name, events);
    }

    private Optional<Module> find(String name, PluginRouting.Events report) {
        if (routing.resolve(name, report) instanceof PluginRouting.Found found) {
            if (prestart && report != PluginRouting.Events.NONE) {
                prepare(found.location());
            }
            return Optional.of(modules.compute(
                    name,
                    (n, known) -> known != null && known.location().equals(found.location())
                            ? known
                            : new DelegatedModule(found.location(), this)));
        }
        return Optional.empty();
    }

    /** Starts the default worker in the background and has it prepare the module, once per module file. */
    private void prepare(ModuleLocation location) {
        if (!location.runsAsModule() || !prepared.add(location.path())) {
            return;
        }
        Thread starter = new Thread(
                () -> {
                    try {
                        AnsibleInstallation installation =
                                routing.installation().installation();
                        if (installation == null) {
                            return;
                        }
                        ModuleWorker worker = worker(installation.python());
                        Map<String, Object> request = new LinkedHashMap<>();
                        request.put("path", location.path().toString());
                        request.put("fqn", location.pythonName());
                        request.put(
                                "collection",
                                location.collection() == null
                                                || location.collection().equals("ansible.builtin")
                                        ? null
                                        : location.collection());
                        worker.prepare(request);
                    } catch (ModuleWorker.WorkerException | RuntimeException e) {
                        // the task that runs the module reports why the worker cannot start
                    }
                },
                "rolehop-module-worker-start");
        starter.setDaemon(true);
        starter.start();
    }

    @Override
    public String whyMissing(String name) {
        try {
            return routing.resolve(name, PluginRouting.Events.NONE) instanceof PluginRouting.NotFound missing
                    ? missing.explanation()
                    : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public void addPluginDirs(Path dir) {
        routing.addPluginDirs(dir);
        Path utils = dir.resolve("module_utils").toAbsolutePath().normalize();
        synchronized (moduleUtilsDirs) {
            if (Files.isDirectory(utils) && !moduleUtilsDirs.contains(utils)) {
                moduleUtilsDirs.add(utils);
            }
        }
    }

    /**
     * The interpreter a task's module runs with: the host's {@code ansible_python_interpreter} when it
     * names one (not Ansible's {@code auto} discovery), else the Python ansible-core was found with.
     */
    String interpreter(ModuleContext context) {
        if (context instanceof ActionContext action) {
            Object configured = action.variables().get("ansible_python_interpreter");
            if (configured != null) {
                try {
                    String value = String.valueOf(action.templar().template(configured, action.variables()))
                            .strip();
                    if (!value.isEmpty() && !value.startsWith("auto")) {
                        return value;
                    }
                } catch (RuntimeException e) {
                    // an interpreter that does not template (ansible_playbook_python...): the default one
                }
            }
        }
        return routing.installation().found().map(AnsibleInstallation::python).orElse(null);
    }

    /**
     * Finds ansible-core. When this run will run modules, the candidate interpreters are asked
     * as workers: the one that can import ansible becomes the run's worker (configured at once, it
     * loads ansible-core's module_utils while the playbook loads), the others end; else they are
     * asked with a one-line probe.
     */
    private AnsibleInstallation.Probe findAnsible() {
        if (!prestart) {
            return AnsibleInstallation.probe(environment);
        }
        Path scratch;
        try {
            scratch = ModuleWorker.scratch();
        } catch (ModuleWorker.WorkerException e) {
            return AnsibleInstallation.probe(environment);
        }
        List<String> pythons = AnsibleInstallation.candidates(environment);
        List<Object> launched = new ArrayList<>();
        for (String python : pythons) {
            try {
                launched.add(ModuleWorker.launch(python, environment, scratch, false, List.of()));
            } catch (ModuleWorker.WorkerException e) {
                launched.add(python + ": " + e.getMessage());
            }
        }
        List<String> tried = new ArrayList<>();
        ModuleWorker chosen = null;
        AnsibleInstallation installation = null;
        for (int i = 0; i < launched.size(); i++) {
            if (launched.get(i) instanceof String failure) {
                tried.add(failure);
                continue;
            }
            ModuleWorker worker = (ModuleWorker) launched.get(i);
            if (chosen != null) {
                worker.discard();
                continue;
            }
            try {
                Map<?, ?> answer = worker.probe();
                installation = AnsibleInstallation.of(worker.python(), answer);
                if (installation != null) {
                    chosen = worker;
                    continue;
                }
                tried.add(worker.python() + ": " + answer.get("error"));
            } catch (ModuleWorker.WorkerException e) {
                tried.add(worker.python() + ": " + e.getMessage());
            }
            worker.discard();
        }
        if (chosen == null) {
            ModuleWorker.deleteScratch(scratch);
            if (tried.isEmpty()) {
                tried.add("no python3 on the PATH and no /usr/bin/python3");
            }
            return new AnsibleInstallation.Probe(null, tried);
        }
        chosen.adoptScratch();
        chosen.configure(config(chosen.python(), installation));
        synchronized (workers) {
            workers.put(chosen.python(), chosen);
        }
        return new AnsibleInstallation.Probe(installation, tried);
    }

    /**
     * The worker of an interpreter, started on first use (the run's default one was started when
     * ansible-core was found); a worker that could not start is not tried again in the run (its
     * failure is every task's answer).
     */
    ModuleWorker worker(String python) throws ModuleWorker.WorkerException {
        AnsibleInstallation.Probe probe = routing.installation();
        if (probe.installation() == null) {
            throw new ModuleWorker.WorkerException(probe.explanation());
        }
        String key = python == null ? probe.installation().python() : python;
        synchronized (workers) {
            if (closed) {
                throw new ModuleWorker.WorkerException("the run is over");
            }
            Object known = workers.get(key);
            if (known instanceof ModuleWorker worker) {
                try {
                    worker.awaitReady();
                    return worker;
                } catch (ModuleWorker.WorkerException e) {
                    worker.close();
                    workers.put(key, e.getMessage());
                    throw e;
                }
            }
            if (known instanceof String failure) {
                throw new ModuleWorker.WorkerException(failure);
            }
            try {
                AnsibleInstallation installation = probe.installation();
                ModuleWorker worker = ModuleWorker.start(
                        key,
                        environment,
                        config(key, installation),
                        key.equals(installation.python())
                                ? List.of()
                                : List.of(installation.sitePackages().toString()));
                workers.put(key, worker);
                return worker;
            } catch (ModuleWorker.WorkerException e) {
                workers.put(key, e.getMessage());
                throw e;
            }
        }
    }

    private Map<String, Object> config(String python, AnsibleInstallation installation) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("collections_paths", strings(settings.collectionsPaths()));
        config.put("scan_sys_path", settings.scanSysPath());
        List<Path> roots = new ArrayList<>(settings.collectionsPaths());
        roots.addAll(installation.sysPathRoots());
        config.put("collection_roots", strings(roots));
        return config;
    }

    /** The request for one run of a module, without its arguments. */
    Map<String, Object> request(ModuleLocation location, String python, ModuleContext context) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", location.name());
        request.put("path", location.path().toString());
        request.put("fqn", location.pythonName());
        request.put("as_package", location.collection() != null);
        request.put(
                "collection",
                location.collection() == null || location.collection().equals("ansible.builtin")
                        ? null
                        : location.collection());
        request.put("env", context.environment());
        request.put("cwd", Path.of("").toAbsolutePath().toString());
        request.put("remote_tmp", settings.remoteTmp());
        request.put("keep_remote_files", settings.keepRemoteFiles());
        synchronized (moduleUtilsDirs) {
            request.put("module_utils_dirs", strings(moduleUtilsDirs));
        }
        routing.installation()
                .found()
                .ifPresent(i -> request.put("modlib_path", i.sitePackages().toString()));
        request.put("python", python);
        return request;
    }

    private static List<String> strings(List<Path> paths) {
        return paths.stream().map(Path::toString).toList();
    }

    /** Stops the run's workers (and any module still running). */
    @Override
    public void close() {
        List<ModuleWorker> running = new ArrayList<>();
        synchronized (workers) {
            closed = true;
            workers.values().forEach(w -> {
                if (w instanceof ModuleWorker worker) {
                    running.add(worker);
                }
            });
            workers.clear();
        }
        running.forEach(ModuleWorker::close);
    }
}
