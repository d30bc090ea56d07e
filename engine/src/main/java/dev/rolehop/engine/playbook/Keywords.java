package dev.rolehop.engine.playbook;

import java.util.Set;

/**
 * The keywords ansible-core 2.14 accepts on each kind of object, declared once. Anything else on
 * a play or block is an error; on a task, any other key is taken as the module to run.
 */
final class Keywords {

    private static final Set<String> COMMON = Set.of("any_errors_fatal", "become", "become_exe", "become_flags",
            "become_method", "become_user", "check_mode", "collections", "connection", "debugger", "diff",
            "environment", "ignore_errors", "ignore_unreachable", "module_defaults", "name", "no_log", "port",
            "remote_user", "run_once", "tags", "throttle", "timeout", "vars");

    static final Set<String> PLAY = union(COMMON, Set.of("fact_path", "force_handlers", "gather_facts",
            "gather_subset", "gather_timeout", "handlers", "hosts", "max_fail_percentage", "order", "post_tasks",
            "pre_tasks", "roles", "serial", "strategy", "tasks", "vars_files", "vars_prompt"));

    static final Set<String> BLOCK = union(COMMON, Set.of("always", "block", "delegate_facts", "delegate_to",
            "notify", "rescue", "when"));

    static final Set<String> TASK = union(COMMON, Set.of("action", "args", "async", "changed_when", "delay",
            "delegate_facts", "delegate_to", "failed_when", "local_action", "loop", "loop_control", "notify", "poll",
            "register", "retries", "until", "when"));

    static final Set<String> HANDLER = union(TASK, Set.of("listen"));

    static final Set<String> ROLE_REFERENCE = union(COMMON, Set.of("role", "when", "delegate_to", "delegate_facts"));

    private Keywords() {
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
