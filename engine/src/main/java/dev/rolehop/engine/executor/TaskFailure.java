package dev.rolehop.engine.executor;

import dev.rolehop.engine.error.ErrorContext;
import dev.rolehop.engine.playbook.Task;
import dev.rolehop.engine.template.ConditionalFailure;
import dev.rolehop.engine.template.TemplateException;
import dev.rolehop.engine.template.UndefinedVariableException;

/** Words a templating error in a task as Ansible's task executor does, with the task's location. */
final class TaskFailure {

    private TaskFailure() {}

    /**
     * For an error while templating the task's arguments. Only an undefined variable
     * names the task's place: Ansible raises the other errors without the task.
     */
    static String forArguments(TemplateException e, Task task) {
        if (e instanceof UndefinedVariableException) {
            return ErrorContext.describe(
                    "The task includes an option with an undefined variable. The error was: " + doubled(e),
                    task.position());
        }
        return e.getMessage();
    }

    /**
     * For an error while templating the task's loop: Ansible's executor reports it alone, an
     * undefined variable's message twice (the exception's and its cause's).
     */
    static String forLoop(TemplateException e) {
        return e instanceof UndefinedVariableException ? doubled(e) : e.getMessage();
    }

    /** For an error while evaluating a {@code when}. */
    static String forConditional(TemplateException e, Object conditional, Task task) {
        return ErrorContext.describe(ConditionalFailure.message(e, conditional), task.position());
    }

    /** Ansible repeats an undefined-variable message once for the exception and once for its cause. */
    private static String doubled(TemplateException e) {
        return e.getMessage() + ". " + e.getMessage();
    }
}
