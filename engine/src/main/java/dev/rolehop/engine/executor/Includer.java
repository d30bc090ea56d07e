package dev.rolehop.engine.executor;

import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.engine.error.ParseError;
import dev.rolehop.engine.playbook.EngineActions;
import dev.rolehop.engine.playbook.RoleLoader;
import dev.rolehop.engine.playbook.RoleScope;
import dev.rolehop.engine.playbook.Scope;
import dev.rolehop.engine.playbook.Task;
import dev.rolehop.engine.template.PythonText;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.engine.template.TemplateException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads what {@code include_tasks} and {@code include_role} include, as Ansible's strategy does
 * with the include's results: the include runs as any task (loop, {@code when}, templating; see
 * {@link #result}), then each distinct file or role its results name is loaded (reported, or its
 * hosts failed when it cannot be read) for the hosts that asked for it. An include's own keywords
 * apply to the include alone; the included tasks get its {@code vars}, its loop variables and the
 * keywords of {@code apply}.
 */
final class Includer {

    private static final Set<String> NOT_VARS = Set.of(
            "file",
            "_raw_params",
            "name",
            "role",
            "apply",
            "tasks_from",
            "public",
            "allow_duplicates",
            "handlers_from",
            "vars_from",
            "defaults_from",
            "rolespec_validate");
    /** The arguments of an {@code include_role} that choose what to load, templated by the include's run. */
    private static final List<String> ROLE_CHOICES =
            List.of("tasks_from", "vars_from", "defaults_from", "handlers_from", "allow_duplicates");

    private final Services services;
    private final PlayContext play;

    Includer(Services services, PlayContext play) {
        this.services = services;
        this.play = play;
    }

    /**
     * One inclusion: a file or role, the include's arguments, the loop variables it gives the
     * included tasks (none outside a loop), how the report names its item, and its hosts.
     */
    private record Inclusion(
            String target,
            Map<String, Object> args,
            boolean looped,
            Map<String, Object> loopVars,
            String label,
            List<HostState> hosts) {}

    /** The tasks of an inclusion, loaded, and the hosts they run for. */
    record Loaded(Scope tasks, List<HostState> hosts) {}

    /**
     * An include's result on one host (or for one loop item), as Ansible's executor makes it: the
     * file to load under {@code include}, the arguments templated under {@code include_args} (an
     * {@code include_role}'s role under {@code name}).
     */
    static TaskResult.Builder result(Task task, Map<String, Object> vars, Templar templar) {
        boolean role = EngineActions.isIncludeRole(task.action());
        String target = target(task, vars, templar);
        Map<String, Object> args = new LinkedHashMap<>();
        task.args().forEach((name, value) -> {
            if (!name.equals("apply") && !name.equals("_raw_params") && !name.equals("file") && !name.equals("role")) {
                args.put(
                        name,
                        role && ROLE_CHOICES.contains(name) && value != null ? templar.template(value, vars) : value);
            }
        });
        TaskResult.Builder result = TaskResult.builder();
        if (role) {
            args.put("name", target);
        } else {
            result.put("include", target);
        }
        result.put("include_args", args);
        result.put("changed", false);
        return result;
    }

    /**
     * Loads what the include's results (in the order the strategy handled them) ask for: each
     * distinct inclusion once, for all the hosts that asked for it.
     */
    List<Loaded> load(Task task, List<TaskResult> results) {
        List<Inclusion> inclusions = new ArrayList<>();
        for (TaskResult result : results) {
            if (result.failed() || result.skipped()) {
                continue;
            }
            HostState host = play.states.get(result.host());
            for (TaskResult item : result.looped() ? result.items() : List.of(result)) {
                if (!item.failed() && !item.skipped()) {
                    add(inclusions, inclusion(item, result.looped()), host);
                }
            }
        }
        List<Loaded> loaded = new ArrayList<>();
        for (Inclusion inclusion : inclusions) {
            Scope tasks = EngineActions.isIncludeRole(task.action()) ? role(task, inclusion) : file(task, inclusion);
            if (tasks != null) {
                loaded.add(new Loaded(tasks, inclusion.hosts()));
            }
        }
        return loaded;
    }

    /**
     * The inclusion one result (or loop item) asks for, with the variables it gives the included
     * tasks as Ansible's IncludedFile takes them from the item's result: the item, its index and
     * {@code ansible_loop}, without the names of the loop and index variables.
     */
    @SuppressWarnings("unchecked")
    private static Inclusion inclusion(TaskResult item, boolean looped) {
        Map<String, Object> args = (Map<String, Object>) item.get("include_args");
        String target = String.valueOf(item.values().containsKey("include") ? item.get("include") : args.get("name"));
        Map<String, Object> loopVars = new LinkedHashMap<>();
        String label = item.noLog() ? "(censored due to no_log)" : null;
        if (looped) {
            String loopVar = String.valueOf(item.get("ansible_loop_var"));
            loopVars.put(loopVar, item.get(loopVar));
            if (item.get("ansible_index_var") instanceof String indexVar) {
                loopVars.put(indexVar, item.get(indexVar));
            }
            if (item.values().containsKey("ansible_loop")) {
                loopVars.put("ansible_loop", item.get("ansible_loop"));
            }
            label = label != null ? label : PythonText.str(item.itemLabel());
        }
        return new Inclusion(target, args, looped, loopVars, label, new ArrayList<>());
    }

    /**
     * The role of an {@code include_role}; Ansible neither reports nor counts it. A role that
     * cannot be found fails the inclusion's hosts; a broken one ends the run.
     */
    private Scope role(Task task, Inclusion inclusion) {
        try {
            RoleScope role = services.loader()
                    .roles()
                    .include(
                            task,
                            inclusion.args(),
                            applied(task),
                            params(task, inclusion.loopVars()),
                            play.play.playbookDir());
            play.handlers.addAll(role.handlers());
            return role;
        } catch (ParseError e) {
            throw e;
        } catch (AnsibleError e) {
            // Ansible shows why the role could not be included and fails its hosts, uncounted.
            services.callback().error(e.getMessage(), false);
            inclusion.hosts().forEach(HostState::fail);
            return null;
        }
    }

    /**
     * The tasks of an {@code include_tasks} file, reported and counted as ok for its hosts; a file
     * that cannot be read fails them instead (the other inclusions still run).
     */
    private Scope file(Task task, Inclusion inclusion) {
        Path file = services.loader().resolveTaskFile(inclusion.target(), task, baseDir(task));
        if (!Files.isRegularFile(file)) {
            TaskResult.Builder result = TaskResult.builder();
            result.put("failed", true);
            result.put("reason", "Could not find or access '" + file + "' on the Ansible Controller.");
            fail(task, inclusion.hosts(), result);
            return null;
        }
        Scope tasks = services.loader()
                .includedBlock(
                        file,
                        task.parent(),
                        applied(task),
                        params(task, inclusion.loopVars()),
                        task.position(),
                        task.isHandler());
        List<String> names = inclusion.hosts().stream().map(HostState::name).toList();
        names.forEach(name -> play.stats.ok(name, false));
        services.callback().include(task, file.toString(), names, inclusion.label());
        return tasks;
    }

    private void fail(Task task, List<HostState> hosts, TaskResult.Builder result) {
        for (HostState host : hosts) {
            host.fail();
            play.stats.of(host.name()).failures++;
            services.callback().runnerFailed(result.build(host.name(), task), false);
        }
    }

    /** Adds a host to the same inclusion (file or role, arguments and loop variables) of another host, else a new one. */
    private static void add(List<Inclusion> inclusions, Inclusion candidate, HostState host) {
        Inclusion same = inclusions.stream()
                .filter(inclusion -> inclusion.target().equals(candidate.target())
                        && inclusion.args().equals(candidate.args())
                        && inclusion.looped() == candidate.looped()
                        && inclusion.loopVars().equals(candidate.loopVars()))
                .findFirst()
                .orElse(null);
        if (same == null) {
            inclusions.add(candidate);
            same = candidate;
        }
        same.hosts().add(host);
    }

    private static Path baseDir(Task task) {
        return Path.of(task.position().file()).toAbsolutePath().getParent();
    }

    private static String target(Task task, Map<String, Object> vars, Templar templar) {
        Object name = EngineActions.isIncludeRole(task.action())
                ? RoleLoader.roleName(task.args())
                : task.args().containsKey("file")
                        ? task.args().get("file")
                        : task.args().get("_raw_params");
        if (name == null) {
            throw new TemplateException(
                    EngineActions.isIncludeRole(task.action())
                            ? "'name' is a required field for include_role."
                            : "No file specified for include_tasks");
        }
        Object rendered = templar.template(name, vars);
        return PythonText.str(rendered == Templar.OMIT ? "" : rendered);
    }

    /** The keywords the included tasks inherit: those of {@code apply}. */
    private static Map<String, Object> applied(Task task) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        if (task.args().get("apply") instanceof Map<?, ?> apply) {
            apply.forEach((k, v) -> keywords.put(String.valueOf(k), v));
        }
        return keywords;
    }

    /** The include's parameters: its loop variable, its vars and its other arguments. */
    private static Map<String, Object> params(Task task, Map<String, Object> loopVars) {
        Map<String, Object> vars = new LinkedHashMap<>(loopVars);
        if (task.own("vars") instanceof Map<?, ?> own) {
            own.forEach((k, v) -> vars.put(String.valueOf(k), v));
        }
        task.args().forEach((k, v) -> {
            if (!NOT_VARS.contains(k)) {
                vars.put(k, v);
            }
        });
        return vars;
    }
}
