package dev.rolehop.engine.delegate;

import dev.rolehop.engine.builtin.ActionContext;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * A module rolehop does not build in, run through Ansible's own installed code: its arguments as
 * Ansible passes them ({@code ANSIBLE_MODULE_ARGS} with the internal {@code _ansible_*} ones), its
 * output parsed and merged as Ansible's {@code normal} action plugin merges it. One object per name
 * a task uses, so {@code _ansible_module_name} is the name as the task wrote it.
 */
final class DelegatedModule implements Module {

    private final ModuleLocation location;
    private final DelegatedModules modules;

    DelegatedModule(ModuleLocation location, DelegatedModules modules) {
        this.location = location;
        this.modules = modules;
    }

    ModuleLocation location() {
        return location;
    }

    @Override
    public String name() {
        return location.fqcn();
    }

    @Override
    public Set<String> actionGroups() {
        return location.actionGroups();
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of();
    }

    @Override
    public boolean checksOwnArguments() {
        return true;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext context) {
        if (!location.runsAsModule()) {
            return ModuleResult.failed(actionPluginMessage(), Map.of());
        }
        if (context.verbosity() >= 2 && context instanceof ActionContext action) {
            // Ansible's executor resolves the module twice (the action, then the module file), saying so each time.
            for (int i = 0; i < 2; i++) {
                location.redirects().forEach(action::display);
            }
        }
        DelegatedArguments.Handover handover;
        try {
            handover = handover(args.asMap(), context);
        } catch (ModuleFailure failure) {
            return failure.toResult();
        }
        handover.secrets().forEach(context::markSecret);
        String python = modules.interpreter(context);
        ModuleWorker worker;
        try {
            worker = modules.worker(python);
        } catch (ModuleWorker.WorkerException e) {
            return ModuleResult.failed(
                    "rolehop cannot run the module " + location.fqcn() + " (" + location.path() + "): "
                            + e.getMessage(),
                    Map.of());
        }
        if (context.verbosity() >= 3 && context instanceof ActionContext action) {
            action.display("Using module file " + location.path());
        }
        Map<String, Object> request = modules.request(location, python, context);
        request.put("args", moduleArguments(handover.arguments(), context, worker));
        try {
            ModuleWorker.Response response = worker.run(request);
            return ModuleOutput.of(response, handover);
        } catch (ModuleWorker.WorkerException e) {
            return ModuleResult.failed(
                    "rolehop could not run the module " + location.fqcn() + ": " + e.getMessage(), Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ModuleResult.failed("the module " + location.fqcn() + " was stopped", Map.of());
        }
    }

    /** The arguments after every hook that applies to the module has adjusted them, in turn. */
    private DelegatedArguments.Handover handover(Map<String, Object> arguments, ModuleContext context) {
        Map<String, Object> current = new LinkedHashMap<>(arguments);
        Set<String> secrets = new LinkedHashSet<>();
        Map<String, Object> shown = new LinkedHashMap<>();
        for (DelegatedArguments hook : modules.hooks()) {
            if (hook.appliesTo(location)) {
                DelegatedArguments.Handover next = hook.adjust(location, current, context);
                current = new LinkedHashMap<>(next.arguments());
                secrets.addAll(next.secrets());
                shown.putAll(next.shown());
            }
        }
        return new DelegatedArguments.Handover(current, secrets, shown);
    }

    /**
     * The task's arguments followed by the internal ones, in the order and with the values of Ansible
     * 2.14's {@code ActionBase._update_module_args} for a local connection.
     */
    private Map<String, Object> moduleArguments(
            Map<String, Object> arguments, ModuleContext context, ModuleWorker worker) {
        AnsibleSettings settings = modules.settings();
        Map<String, Object> vars = context instanceof ActionContext action ? action.variables() : Map.of();
        Map<String, Object> out = new LinkedHashMap<>(arguments);
        out.put("_ansible_check_mode", context.checkMode());
        out.put("_ansible_no_log", context.noLog() || settings.noTargetSyslog());
        out.put("_ansible_debug", settings.debug());
        out.put("_ansible_diff", context.diffMode());
        out.put("_ansible_verbosity", context.verbosity());
        out.put("_ansible_version", worker.ansibleVersion());
        out.put("_ansible_module_name", location.name());
        Object facility = vars.get("ansible_syslog_facility");
        out.put("_ansible_syslog_facility", facility != null ? String.valueOf(facility) : settings.syslogFacility());
        out.put("_ansible_selinux_special_fs", settings.selinuxSpecialFs());
        out.put("_ansible_string_conversion_action", settings.stringConversionAction());
        out.put("_ansible_socket", vars.get("ansible_socket"));
        out.put("_ansible_shell_executable", "/bin/sh");
        out.put("_ansible_keep_remote_files", settings.keepRemoteFiles());
        out.put("_ansible_tmpdir", null);
        out.put("_ansible_remote_tmp", settings.remoteTmp());
        return out;
    }

    private String actionPluginMessage() {
        String what = location.path() == null
                ? "'" + location.name() + "' names an action plugin (" + location.actionPlugin() + ")"
                : "Ansible runs " + location.fqcn() + " through its action plugin (" + location.actionPlugin()
                        + "), not as a module alone";
        return "rolehop cannot run this task: " + what + ", and rolehop runs only the module code of the modules "
                + "it does not build in (see docs/modules.md). Run this playbook with "
                + "'rolehop exec --profile PROFILE -- ansible-playbook ...' instead.";
    }

    @Override
    public String toString() {
        return "DelegatedModule[" + location.name() + " -> " + location.fqcn() + "]";
    }
}
