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
    private boolean closed;

    /**
     * @param environment the run's environment (where Ansible's settings and Python are found)
     * @param events      where resolution reports redirects and deprecations while playbooks load
     * @param hooks       the argument hooks of this run
     */
    public DelegatedModules(
            Map<String, String> environment, PluginRouting.Events events, List<DelegatedArguments> hooks) {
        this.environment = Map.copyOf(environment);
        this.settings = AnsibleSettings.of(environment);
        this.routing = new PluginRouting(settings, () -> AnsibleInstallation.probe(this.environment));
        this.events = events;
        this.hooks = List.copyOf(hooks);
    }

    /** The argument hooks on the class path ({@code META-INF/services}), one new instance each. */
    public static List<DelegatedArguments> discoverHooks() {
        List<DelegatedArguments> out = new ArrayList<>();
        ServiceLoader.load(DelegatedArguments.class).forEach(out::add);
        return out;
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
            return Optional.of(modules.compute(
                    name,
                    (n, known) -> known != null && known.location().equals(found.location())
                            ? known
                            : new DelegatedModule(found.location(), this)));
        }
        return Optional.empty();
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
     * The worker of an interpreter, started on first use; a worker that could not start is not tried
     * again in the run (its failure is every task's answer).
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
                return worker;
            }
            if (known instanceof String failure) {
                throw new ModuleWorker.WorkerException(failure);
            }
            try {
                ModuleWorker worker = ModuleWorker.start(key, environment, config(key, probe.installation()));
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
        config.put("collection_roots", strings(routing.collectionRoots()));
        // Another interpreter than the one ansible-core is installed for reads it from its folder.
        config.put(
                "extra_sys_path",
                python.equals(installation.python())
                        ? List.of()
                        : List.of(installation.sitePackages().toString()));
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
