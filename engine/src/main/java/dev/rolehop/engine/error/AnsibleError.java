package dev.rolehop.engine.error;

/**
 * An error in what the user gave (playbook, inventory, variables, options), reported as Ansible
 * reports it: the message, then where it appears and the offending line when the place is known.
 * {@link #getMessage()} is the short message; {@link #describe()} the full text.
 */
public class AnsibleError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Position position;

    public AnsibleError(String message) {
        this(message, null);
    }

    public AnsibleError(String message, Position position) {
        super(message, null, false, false);
        this.position = position;
    }

    /** Where the error is, or {@code null}. */
    public Position position() {
        return position;
    }

    /** The message followed by Ansible's "The error appears to be in ..." block when the place is known. */
    public String describe() {
        return ErrorContext.describe(getMessage(), position);
    }
}
