package dev.rolehop.engine.template.ansible;

/**
 * Signals that an Ansible filter, test or lookup rejected its input, with Ansible's own message.
 *
 * <p>The message is exactly the Python exception's text in ansible-core 2.14 (for example
 * {@code Mandatory variable 'x'  not defined.}). {@link #pythonType()} names the Python exception
 * class, because Ansible presents errors differently by class: an {@code AnsibleError} (and its
 * filter/lookup subclasses) becomes the task's {@code msg} verbatim, while a {@code TypeError}
 * (see {@link #isTypeError()}) is wrapped by the templar as
 * {@code Unexpected templating type error occurred on (TEMPLATE): MSG. MSG}. Jinjava wraps
 * exceptions thrown by plugins; the engine finds this one in the cause chain.
 */
public final class AnsibleFilterError extends RuntimeException {
    private final String pythonType;

    /** Creates an {@code AnsibleFilterError} with Ansible's message. */
    public AnsibleFilterError(String message) {
        this(message, "AnsibleFilterError");
    }

    /** Creates the error with Ansible's message and the Python exception class it stands for. */
    public AnsibleFilterError(String message, String pythonType) {
        super(message);
        this.pythonType = pythonType;
    }

    /** Creates a Python {@code TypeError} (or Ansible's {@code AnsibleFilterTypeError}). */
    public static AnsibleFilterError typeError(String message) {
        return new AnsibleFilterError(message, "TypeError");
    }

    /** Returns the Python exception class Ansible would raise, e.g. {@code TypeError}. */
    public String pythonType() {
        return pythonType;
    }

    /** Returns whether Ansible's templar wraps this error as an "unexpected templating type error". */
    public boolean isTypeError() {
        return pythonType.endsWith("TypeError");
    }

    /** Returns whether Ansible reports this as an undefined variable. */
    public boolean isUndefinedVariable() {
        return pythonType.equals("AnsibleUndefinedVariable");
    }

    /**
     * Returns the text of the exception Ansible's {@code Templar.template} raises for this error
     * in {@code template}: a TypeError becomes {@code Unexpected templating type error occurred on
     * (TEMPLATE): MSG. MSG}; an undefined variable {@code MSG. MSG} (Ansible appends the original
     * exception's text); anything else is the message itself.
     */
    public String templarMessage(String template) {
        String message = getMessage();
        if (isTypeError()) {
            return "Unexpected templating type error occurred on (" + template + "): " + message + ". " + message;
        }
        return isUndefinedVariable() ? message + ". " + message : message;
    }
}
