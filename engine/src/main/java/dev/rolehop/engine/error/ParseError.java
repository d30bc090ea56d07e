package dev.rolehop.engine.error;

/** A playbook, inventory or variable file that cannot be read or is not valid: exit code 4. */
public class ParseError extends AnsibleError {

    private static final long serialVersionUID = 1L;

    public ParseError(String message, Position position) {
        super(message, position);
    }
}
