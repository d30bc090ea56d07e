package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleResult;
import dev.rolehop.engine.module.OutputLines;
import dev.rolehop.python.Truth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code async_status}: the state of an async job, read from its {@link AsyncJobFile} as
 * ansible-core 2.14's action plugin and module of that name report it together, or the file
 * removed ({@code mode: cleanup}). Files Ansible's own jobs wrote read the same.
 */
public final class AsyncStatusModule implements ActionModule {

    @Override
    public String name() {
        return "ansible.builtin.async_status";
    }

    @Override
    public java.util.Set<String> aliases() {
        return java.util.Set.of("async_status", "ansible.legacy.async_status");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of(
                Argument.of("jid", ArgumentType.STR).asRequired(),
                Argument.of("mode", ArgumentType.STR)
                        .withChoices("status", "cleanup")
                        .withDefault("status"));
    }

    @Override
    public boolean validatesArgumentSpec() {
        return true;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ActionContext context) {
        AsyncJobFile file = new AsyncJobFile(
                AsyncJobFile.dir(context.variables(), context.templar(), context.environment()),
                args.string("jid").orElseThrow());
        Map<String, Object> result = "cleanup".equals(args.get("mode")) ? cleanup(file) : status(file);
        return new ModuleResult(Truth.of(result.get("changed")), Truth.of(result.get("failed")), null, result, null);
    }

    /**
     * The job's state as {@code async_status} reports it: {@code started}, {@code finished},
     * {@code ansible_job_id}, {@code results_file}, the (empty) {@code stdout}/{@code stderr} of
     * the action, and, once the job is done, its result merged over them.
     */
    public static Map<String, Object> status(AsyncJobFile file) {
        Map<String, Object> result = initial(file);
        result.put("results_file", file.path().toString());
        result.put("started", 1);
        Map<String, Object> module = new LinkedHashMap<>();
        Optional<Object> data = file.exists() ? file.read() : Optional.empty();
        if (data.isEmpty()) {
            failed(module, "could not find job", file);
            module.put("started", 1);
            module.put("finished", 1);
        } else if (data.get() instanceof Map<?, ?> state) {
            state.forEach((k, v) -> module.put(String.valueOf(k), v));
            if (!state.containsKey("started")) {
                module.put("finished", 1);
                module.put("ansible_job_id", file.jid());
            } else if (!state.containsKey("finished")) {
                module.put("finished", 0);
            }
        } else if (String.valueOf(data.get()).isEmpty()) {
            // Not written yet: the job is running.
            module.put("results_file", file.path().toString());
            module.put("ansible_job_id", file.jid());
            module.put("started", 1);
            module.put("finished", 0);
        } else {
            failed(module, "Could not parse job output: " + data.get(), file);
            module.put("results_file", file.path().toString());
            module.put("started", 1);
            module.put("finished", 1);
        }
        return merged(result, module, file, "status");
    }

    /** Removes the job's file, as {@code mode: cleanup}. */
    static Map<String, Object> cleanup(AsyncJobFile file) {
        Map<String, Object> result = initial(file);
        result.put("erased", file.path().toString());
        Map<String, Object> module = new LinkedHashMap<>();
        if (file.exists()) {
            file.delete();
            module.put("ansible_job_id", file.jid());
            module.put("erased", file.path().toString());
        } else {
            failed(module, "could not find job", file);
            module.put("started", 1);
            module.put("finished", 1);
        }
        return merged(result, module, file, "cleanup");
    }

    /** What the action plugin starts from, before the module's result is merged in. */
    private static Map<String, Object> initial(AsyncJobFile file) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("started", 0);
        result.put("finished", 0);
        result.put("stdout", "");
        result.put("stderr", "");
        result.put("stdout_lines", List.of());
        result.put("stderr_lines", List.of());
        result.put("ansible_job_id", file.jid());
        return result;
    }

    private static void failed(Map<String, Object> module, String msg, AsyncJobFile file) {
        module.put("msg", msg);
        module.put("ansible_job_id", file.jid());
        module.put("failed", true);
    }

    /**
     * The module's result over the action's, as Ansible's {@code merge_hash}, with what Ansible adds
     * to a module's result: its {@code invocation} unless the job's result brought one, and
     * {@code stdout_lines}/{@code stderr_lines} split from the job's output.
     */
    private static Map<String, Object> merged(
            Map<String, Object> result, Map<String, Object> module, AsyncJobFile file, String mode) {
        if (!module.containsKey("invocation")) {
            Map<String, Object> arguments = new LinkedHashMap<>();
            arguments.put("jid", file.jid());
            arguments.put("mode", mode);
            arguments.put("_async_dir", file.dir().toString());
            module.put("invocation", Map.of("module_args", arguments));
        }
        OutputLines.split(module);
        result.putAll(module);
        return result;
    }
}
