package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.Keyword;
import dev.rolehop.engine.playbook.KeywordValueError;
import dev.rolehop.engine.playbook.KeywordValues;
import dev.rolehop.engine.playbook.Scope;
import dev.rolehop.engine.playbook.Task;
import dev.rolehop.engine.template.Templar;
import dev.rolehop.engine.template.UndefinedVariableException;
import dev.rolehop.python.Truth;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Reads a task's keywords as typed values: the task's own value, or for an inherited keyword the
 * innermost value of the blocks, role and play around it, templated (unless the keyword is static)
 * with the host's variables and converted by {@link KeywordValues} with Ansible's strict
 * semantics. An omitted or missing value gives the keyword's default.
 */
final class TaskKeywords {

    /**
     * The keywords Ansible's {@code Task.post_validate} templates and converts before the module
     * runs, which can fail; the others are templated where they are used ({@code loop},
     * {@code when}, {@code environment}, {@code changed_when}...) or cannot fail.
     */
    private static final Set<Keyword.Type> CHECKED =
            EnumSet.of(Keyword.Type.BOOL, Keyword.Type.INT, Keyword.Type.FLOAT, Keyword.Type.PERCENT);

    /**
     * The keywords Ansible's executor copies to the play context and converts first
     * ({@code PlayContext.post_validate}), whose errors name no position.
     */
    private static final java.util.List<Keyword> PLAY_CONTEXT =
            java.util.List.of(Keyword.NO_LOG, Keyword.CHECK_MODE, Keyword.DIFF);

    private final Templar templar;

    TaskKeywords(Templar templar) {
        this.templar = templar;
    }

    /**
     * Converts every keyword of the task that Ansible converts before running it, in Ansible's
     * order, so that the first value that does not convert fails the task as in Ansible.
     *
     * @throws KeywordValueError at the task's position, with Ansible's message
     */
    void validate(Task task, Map<String, Object> vars) {
        for (Keyword keyword : PLAY_CONTEXT) {
            try {
                value(task, keyword, vars);
            } catch (KeywordValueError e) {
                throw e.unplaced();
            }
        }
        for (Keyword keyword : Keyword.of(task.isHandler() ? Keyword.Owner.HANDLER : Keyword.Owner.TASK)) {
            if (CHECKED.contains(keyword.type())) {
                value(task, keyword, vars);
            }
        }
    }

    /**
     * The keyword's typed value for the task, or {@code null} when it is not set or omitted.
     *
     * @throws KeywordValueError at the task's position when the value does not convert
     */
    Object value(Scope task, Keyword keyword, Map<String, Object> vars) {
        Object raw = raw(task, keyword);
        if (raw == null) {
            return null;
        }
        Object value;
        try {
            value = keyword.isStatic() ? raw : templar.template(raw, vars);
        } catch (UndefinedVariableException e) {
            String undefined = e.getMessage() + ". " + e.getMessage();
            throw new KeywordValueError(
                    keyword,
                    "The field '" + keyword.field()
                            + "' has an invalid value, which includes an undefined variable. The error was: "
                            + undefined,
                    undefined,
                    task.position());
        }
        if (value == Templar.OMIT) {
            return null;
        }
        try {
            return KeywordValues.convert(keyword, raw, value);
        } catch (KeywordValueError e) {
            throw e.at(task.position());
        }
    }

    /** A bool keyword's value, or the default when it is not set. */
    boolean bool(Scope task, Keyword keyword, Map<String, Object> vars, boolean fallback) {
        Object value = value(task, keyword, vars);
        return value == null ? fallback : (Boolean) value;
    }

    /** An int keyword's value, or the default when it is not set. */
    long integer(Scope task, Keyword keyword, Map<String, Object> vars, long fallback) {
        Object value = value(task, keyword, vars);
        return value == null ? fallback : (Long) value;
    }

    /**
     * A bool keyword as Ansible's strategy reads it after the task ran: the converted value, or, when
     * the value did not convert (the task failed for it), the Python truth of the value as written,
     * which is what Ansible's task object then still holds.
     */
    boolean boolAsLeft(Scope task, Keyword keyword, Map<String, Object> vars) {
        try {
            return bool(task, keyword, vars, false);
        } catch (KeywordValueError e) {
            return Truth.of(raw(task, keyword));
        }
    }

    /** The keyword's value as written on the task or, for an inherited keyword, on the innermost object around it. */
    static Object raw(Scope task, Keyword keyword) {
        return keyword.inherited() ? task.inherited(keyword.key()) : task.own(keyword.key());
    }
}
