package dev.rolehop.engine.playbook;

import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.engine.yaml.Position;

/** A keyword value that does not convert to the keyword's type, with Ansible's message. */
public final class KeywordValueError extends AnsibleError {

    private static final long serialVersionUID = 1L;

    private final transient Keyword keyword;

    KeywordValueError(Keyword keyword, String message) {
        this(keyword, message, null);
    }

    /** An error about a keyword's value at the object (task, play) whose keyword it is. */
    public KeywordValueError(Keyword keyword, String message, Position position) {
        super(message, position);
        this.keyword = keyword;
    }

    /** The keyword whose value did not convert. */
    public Keyword keyword() {
        return keyword;
    }

    /** The same error located at the object (task, play) whose keyword it is, as Ansible reports it. */
    public KeywordValueError at(Position where) {
        return new KeywordValueError(keyword, getMessage(), where);
    }
}
