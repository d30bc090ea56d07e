package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.Role;
import dev.rolehop.engine.playbook.Task;

/** A task's display name as Ansible's {@code Task.get_name()}: "role : name", the name, or the action. */
final class TaskNames {

    private TaskNames() {
    }

    static String of(Task task) {
        return of(task, task.name());
    }

    static String of(Task task, String name) {
        Role role = task.role();
        String base = name != null ? name : task.action();
        return role != null ? role.name() + " : " + base : base;
    }
}
