package dev.rolehop.engine.error;

/** A bad command-line option or {@code -e} value: exit code 5 as ansible-playbook's. */
public class OptionError extends AnsibleError {

    private static final long serialVersionUID = 1L;

    public OptionError(String message) {
        super(message);
    }
}
