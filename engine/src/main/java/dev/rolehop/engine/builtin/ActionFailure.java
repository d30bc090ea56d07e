package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.ModuleFailure;
import java.util.Map;

/**
 * Ansible's {@code AnsibleActionFail} raised by an action plugin: the task fails with the message,
 * and the result carries it as the exception, so the callback prints its "An exception occurred"
 * line as Ansible's does.
 */
public final class ActionFailure {

    private ActionFailure() {}

    public static ModuleFailure of(String message) {
        return new ModuleFailure(message, Map.of("exception", "ansible.errors.AnsibleActionFail: " + message));
    }
}
