package dev.rolehop.engine.executor;

import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.engine.error.ParseError;
import dev.rolehop.engine.playbook.EngineActions;
import dev.rolehop.engine.playbook.RoleLoader;
import dev.rolehop.engine.playbook.RoleScope;
import dev.rolehop.engine.playbook.Scope;
import dev.rolehop.engine.playbook.Keyword;
import dev.rolehop.engine.playbook.Task;
import dev.rolehop.engine.template.PythonText;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.engine.template.TemplateException;
import dev.rolehop.engine.template.Truth;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries out {@code include_tasks} and {@code include_role} at run time as Ansible's linear
 * strategy does: decides per host whether the include applies, loads each distinct file or role
 * (reporting it, or failing its hosts when it cannot be read), then runs the loaded tasks for
 * those hosts. An include's own keywords apply to the include alone; the included tasks get its
 * {@code vars}, its loop variable and the keywords of {@code apply}.
 */
final class Includer {

    private static final Set<String> NOT_VARS = Set.of("file", "_raw_params", "name", "role", "apply", "tasks_from",
            "public", "allow_duplicates", "handlers_from", "vars_from", "defaults_from", "rolespec_validate");

    private final Services services;
    private final PlayContext play;
    private final PlayRunner runner;

    Includer(Services services, PlayContext play, PlayRunner runner) {
        this.services = services;
        this.play = play;
        this.runner = runner;
    }

    /**
     * One inclusion: a file or role, the loop item it is for (or none) with the variables that item
     * gives the included tasks, and the hosts it applies to.
     */
    private record Inclusion(String target, Object item, boolean looped, Map<String, Object> loopVars,
                             List<HostState> hosts) {
    }

    /** The tasks of an inclusion, loaded, and the hosts they run for. */
    private record Loaded(Scope tasks, List<HostState> hosts) {
    }

    void include(Task task, List<HostState> hosts, boolean rescuable) {
        services.callback().taskStart(task, TaskNames.of(task), "TASK");
        List<Inclusion> inclusions = new ArrayList<>();
        for (HostState host : hosts) {
            Map<String, Object> vars = VariableBuilder.build(play, host.host(), task, Map.of());
            try {
                if (task.own("loop") == null) {
                    if (applies(task, vars)) {
                        add(inclusions, new Inclusion(target(task, vars), null, false, Map.of(), new ArrayList<>()),
                                host);
                    } else {
                        skip(task, host);
                    }
                } else {
                    boolean anyApplies = false;
                    List<Object> items = LoopItems.resolve(task, vars, services.templar());
                    LoopControl control = LoopControl.of(task, vars, services.templar());
                    for (int index = 0; index < items.size(); index++) {
                        Object item = items.get(index);
                        Map<String, Object> itemVars = new HashMap<>(vars);
                        itemVars.putAll(control.taskItemVars(items, index));
                        if (applies(task, itemVars)) {
                            add(inclusions, new Inclusion(target(task, itemVars), item, true,
                                    control.itemVars(items, index), new ArrayList<>()), host);
                            anyApplies = true;
                        } else {
                            Map<String, Object> skipped = TaskRunner.skipped();
                            control.addIndex(skipped, index);
                            services.callback().itemSkipped(TaskRunner.item(host.name(), task, skipped,
                                    control.loopVar(), item, itemVars, services.templar()));
                        }
                    }
                    if (!anyApplies) {
                        // Every item skipped (or none at all): the include is skipped, as any loop would be.
                        skip(task, host);
                    }
                }
            } catch (TemplateException e) {
                fail(task, List.of(host), TaskRunner.failure(TaskFailure.forArguments(e, task)));
            }
        }
        List<Loaded> loaded = new ArrayList<>();
        for (Inclusion inclusion : inclusions) {
            Map<String, Object> loopVars = inclusion.loopVars();
            Scope tasks = EngineActions.isIncludeRole(task.action()) ? role(task, inclusion, loopVars)
                    : file(task, inclusion, loopVars);
            if (tasks != null) {
                loaded.add(new Loaded(tasks, inclusion.hosts()));
            }
        }
        for (Loaded inclusion : loaded) {
            runner.runIncluded(List.of(inclusion.tasks()), inclusion.hosts(), rescuable);
        }
    }

    /**
     * The role of an {@code include_role}, its file choices templated; Ansible neither reports nor
     * counts it. A role that cannot be found fails the inclusion's hosts; a broken one ends the run.
     */
    private Scope role(Task task, Inclusion inclusion, Map<String, Object> loopVars) {
        Map<String, Object> vars = VariableBuilder.build(play, inclusion.hosts().get(0).host(), task, loopVars);
        Map<String, Object> args = new LinkedHashMap<>(task.args());
        args.remove("role");
        args.put("name", inclusion.target());
        for (String choice : List.of("tasks_from", "vars_from", "defaults_from", "handlers_from", "allow_duplicates")) {
            if (args.get(choice) != null) {
                args.put(choice, services.templar().template(args.get(choice), vars));
            }
        }
        try {
            RoleScope role = services.loader().roles().include(task, args, applied(task), params(task, loopVars),
                    play.play.playbookDir());
            play.handlers.addAll(role.handlers());
            return role;
        } catch (ParseError e) {
            throw e;
        } catch (AnsibleError e) {
            // Ansible shows why the role could not be included and fails its hosts, uncounted.
            services.callback().error(e.getMessage(), false);
            inclusion.hosts().forEach(host -> host.failed(true));
            return null;
        }
    }

    /**
     * The tasks of an {@code include_tasks} file, reported and counted as ok for its hosts; a file
     * that cannot be read fails them instead (the other inclusions still run).
     */
    private Scope file(Task task, Inclusion inclusion, Map<String, Object> loopVars) {
        Path file = services.loader().resolveTaskFile(inclusion.target(), task, baseDir(task));
        if (!Files.isRegularFile(file)) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("failed", true);
            result.put("reason", "Could not find or access '" + file + "' on the Ansible Controller.");
            fail(task, inclusion.hosts(), result);
            return null;
        }
        Scope tasks = services.loader().includedBlock(file, task.parent(), applied(task), params(task, loopVars),
                task.position(), task.isHandler());
        List<String> names = inclusion.hosts().stream().map(HostState::name).toList();
        names.forEach(name -> play.stats.ok(name, false));
        services.callback().include(task, file.toString(), names, label(task, inclusion, loopVars));
        return tasks;
    }

    /**
     * How the report of an inclusion names its loop item, as Ansible's callback does from the
     * inclusion's vars: a no_log notice, else {@code loop_control.label} or the item; none outside a loop.
     */
    private String label(Task task, Inclusion inclusion, Map<String, Object> loopVars) {
        Map<String, Object> vars = VariableBuilder.build(play, inclusion.hosts().get(0).host(), task, loopVars);
        if (new TaskKeywords(services.templar()).boolAsLeft(task, Keyword.NO_LOG, vars)) {
            return "(censored due to no_log)";
        }
        if (!inclusion.looped()) {
            return null;
        }
        Object label = task.own("loop_control") instanceof Map<?, ?> control ? control.get("label") : null;
        return PythonText.str(label == null ? inclusion.item() : services.templar().template(label, vars));
    }

    private void fail(Task task, List<HostState> hosts, Map<String, Object> result) {
        for (HostState host : hosts) {
            host.failed(true);
            play.stats.of(host.name()).failures++;
            services.callback().runnerFailed(new TaskResult(host.name(), task, result), false);
        }
    }

    private boolean applies(Task task, Map<String, Object> vars) {
        for (Object condition : task.conditions()) {
            if (!services.templar().evaluateConditional(condition, vars)) {
                return false;
            }
        }
        return true;
    }

    private void skip(Task task, HostState host) {
        play.stats.of(host.name()).skipped++;
        services.callback().runnerSkipped(new TaskResult(host.name(), task, TaskRunner.skipped()));
    }

    /** Adds a host to the same inclusion (file or role, and loop variables) of another host, else a new one. */
    private static void add(List<Inclusion> inclusions, Inclusion candidate, HostState host) {
        Inclusion same = inclusions.stream()
                .filter(inclusion -> inclusion.target().equals(candidate.target())
                        && inclusion.looped() == candidate.looped()
                        && inclusion.loopVars().equals(candidate.loopVars()))
                .findFirst().orElse(null);
        if (same == null) {
            inclusions.add(candidate);
            same = candidate;
        }
        same.hosts().add(host);
    }

    private static Path baseDir(Task task) {
        return Path.of(task.position().file()).toAbsolutePath().getParent();
    }

    private String target(Task task, Map<String, Object> vars) {
        Object name = EngineActions.isIncludeRole(task.action()) ? RoleLoader.roleName(task.args())
                : task.args().containsKey("file") ? task.args().get("file") : task.args().get("_raw_params");
        if (name == null) {
            throw new TemplateException(EngineActions.isIncludeRole(task.action())
                    ? "'name' is a required field for include_role." : "No file specified for include_tasks");
        }
        Object rendered = services.templar().template(name, vars);
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
