package dev.rolehop.engine.playbook;

import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.engine.error.Position;

/**
 * A keyword value that does not convert to the keyword's type (or whose template fails), with
 * Ansible's message and the message of the Python error underneath ({@link #cause()}).
 */
public final class KeywordValueError extends AnsibleError {

    private static final long serialVersionUID = 1L;

    private final transient Keyword keyword;
    private final String cause;

    /**
     * An error about a keyword's value at the object (task, play) whose keyword it is.
     *
     * @param cause the message of the error underneath (Python's {@code TypeError}, an undefined variable)
     */
    public KeywordValueError(Keyword keyword, String message, String cause, Position position) {
        super(message, position);
        this.keyword = keyword;
        this.cause = cause;
    }

    /** The keyword whose value did not convert. */
    public Keyword keyword() {
        return keyword;
    }

    /** The message of the error underneath, which Ansible appends when it knows no position. */
    public String cause() {
        return cause;
    }

    /** The same error located at the object (task, play) whose keyword it is, as Ansible reports it. */
    public KeywordValueError at(Position where) {
        return new KeywordValueError(keyword, getMessage(), cause, where);
    }

    /**
     * The error as Ansible raises it from a task's play context (no position known): the message
     * followed by {@code ". "} and the message of the error underneath.
     */
    public KeywordValueError unplaced() {
        return new KeywordValueError(keyword, getMessage() + ". " + cause, cause, null);
    }
}
