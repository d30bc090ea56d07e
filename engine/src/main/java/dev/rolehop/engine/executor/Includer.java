package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.EngineActions;
import dev.rolehop.engine.playbook.RoleScope;
import dev.rolehop.engine.playbook.Scope;
import dev.rolehop.engine.playbook.Task;
import dev.rolehop.engine.template.PythonText;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.engine.template.TemplateException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries out {@code include_tasks} and {@code include_role} at run time: decides per host whether
 * the include applies, loads the file or role, reports it, and runs its tasks for those hosts.
 */
final class Includer {

    private static final List<String> INHERITED = List.of("when", "tags", "ignore_errors", "no_log", "check_mode",
            "diff", "environment", "delegate_to", "run_once", "any_errors_fatal", "module_defaults");

    private final Services services;
    private final PlayContext play;
    private final PlayRunner runner;

    Includer(Services services, PlayContext play, PlayRunner runner) {
        this.services = services;
        this.play = play;
        this.runner = runner;
    }

    /** One inclusion: a file or role, the loop item it is for (or none), and the hosts it applies to. */
    private record Inclusion(String target, Object item, boolean looped, List<HostState> hosts) {
    }

    void include(Task task, List<HostState> hosts, boolean rescuable) {
        services.callback().taskStart(task, TaskNames.of(task), "TASK");
        List<Inclusion> inclusions = new ArrayList<>();
        String loopVar = task.own("loop_control") instanceof Map<?, ?> control && control.get("loop_var") != null
                ? String.valueOf(control.get("loop_var")) : "item";
        for (HostState host : hosts) {
            Map<String, Object> vars = VariableBuilder.build(play, host.host(), task, Map.of());
            try {
                if (task.own("loop") == null) {
                    if (applies(task, vars)) {
                        add(inclusions, target(task, vars), null, false, host);
                    } else {
                        skip(task, host);
                        continue;
                    }
                } else {
                    for (Object item : LoopItems.resolve(task, vars, services.templar())) {
                        Map<String, Object> itemVars = new java.util.HashMap<>(vars);
                        itemVars.put(loopVar, item);
                        if (applies(task, itemVars)) {
                            add(inclusions, target(task, itemVars), item, true, host);
                        }
                    }
                }
                play.stats.ok(host.name(), false);
            } catch (TemplateException e) {
                TaskResult failed = new TaskResult(host.name(), task,
                        TaskRunner.failure(TaskFailure.forArguments(e, task)));
                host.failed(true);
                play.stats.of(host.name()).failures++;
                services.callback().runnerFailed(failed, false);
            }
        }
        boolean role = EngineActions.isIncludeRole(task.action());
        if (!role) {
            for (Inclusion inclusion : inclusions) {
                Path file = services.loader().resolveTaskFile(inclusion.target(), task, baseDir(task));
                services.callback().include(task, file.toString(),
                        inclusion.hosts().stream().map(HostState::name).toList(), inclusion.looped() ? inclusion.item() : null);
            }
        }
        for (Inclusion inclusion : inclusions) {
            Map<String, Object> vars = VariableBuilder.build(play, inclusion.hosts().get(0).host(), task, Map.of());
            Map<String, Object> keywords = keywords(task, vars, inclusion.looped() ? Map.of(loopVar, inclusion.item()) : Map.of());
            List<Scope> items;
            if (role) {
                items = List.of(services.loader().roles().include(inclusion.target(), task.parent(), keywords,
                        play.play.playbookDir(), task.position()));
            } else {
                Path file = services.loader().resolveTaskFile(inclusion.target(), task, baseDir(task));
                items = List.of(services.loader().includedBlock(file, task.parent(), keywords, task.position(),
                        task.isHandler()));
            }
            runner.runIncluded(items, inclusion.hosts(), rescuable);
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

    private static void add(List<Inclusion> inclusions, String target, Object item, boolean looped, HostState host) {
        for (Inclusion inclusion : inclusions) {
            if (inclusion.target().equals(target) && java.util.Objects.equals(inclusion.item(), item)
                    && inclusion.looped() == looped) {
                inclusion.hosts().add(host);
                return;
            }
        }
        List<HostState> hosts = new ArrayList<>();
        hosts.add(host);
        inclusions.add(new Inclusion(target, item, looped, hosts));
    }

    private static Path baseDir(Task task) {
        return Path.of(task.position().file()).toAbsolutePath().getParent();
    }

    private String target(Task task, Map<String, Object> vars) {
        Object name = EngineActions.isIncludeRole(task.action()) ? task.args().get("name")
                : task.args().containsKey("file") ? task.args().get("file") : task.args().get("_raw_params");
        if (name == null) {
            throw new TemplateException(EngineActions.isIncludeRole(task.action())
                    ? "'name' is a required field for include_role." : "No file specified for include_tasks");
        }
        Object rendered = services.templar().template(name, vars);
        return PythonText.str(rendered == Templar.OMIT ? "" : rendered);
    }

    /** The include's keywords and its extra parameters (as vars), for the included tasks. */
    private Map<String, Object> keywords(Task task, Map<String, Object> vars, Map<String, Object> loopVars) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        for (String keyword : INHERITED) {
            if (task.own(keyword) != null && !keyword.equals("when")) {
                keywords.put(keyword, task.own(keyword));
            }
        }
        Map<String, Object> params = new LinkedHashMap<>(loopVars);
        if (task.own("vars") instanceof Map<?, ?> own) {
            own.forEach((k, v) -> params.put(String.valueOf(k), v));
        }
        task.args().forEach((k, v) -> {
            if (!List.of("file", "_raw_params", "name", "apply", "tasks_from", "public", "allow_duplicates",
                    "handlers_from", "vars_from", "defaults_from", "rolespec_validate").contains(k)) {
                params.put(k, v);
            }
        });
        if (task.args().get("apply") instanceof Map<?, ?> apply) {
            apply.forEach((k, v) -> keywords.put(String.valueOf(k), v));
        }
        if (!params.isEmpty()) {
            keywords.put("vars", params);
        }
        return keywords;
    }
}
