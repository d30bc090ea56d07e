package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.EngineActions;
import dev.rolehop.engine.playbook.Role;
import dev.rolehop.engine.playbook.RoleLoader;
import dev.rolehop.engine.playbook.Task;

/**
 * A task's display name as Ansible's {@code get_name()}: "role : name", the name, or the action;
 * an {@code include_role} is its name or "include_role : ROLE", never under its own role's name.
 */
final class TaskNames {

    private TaskNames() {}

    static String of(Task task) {
        return of(task, task.name());
    }

    static String of(Task task, String name) {
        if (EngineActions.isIncludeRole(task.action())) {
            return name != null ? name : task.action() + " : " + RoleLoader.roleName(task.args());
        }
        Role role = task.role();
        String base = name != null ? name : task.action();
        return role != null ? role.name() + " : " + base : base;
    }
}
