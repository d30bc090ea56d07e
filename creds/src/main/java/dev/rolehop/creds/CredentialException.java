package dev.rolehop.creds;

/**
 * Credentials could not be resolved; the message names the profile, the cause and the fix, and
 * never contains a secret.
 */
public class CredentialException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates an exception with a user-facing message. */
    public CredentialException(String message) {
        super(message);
    }

    /** Creates an exception with a user-facing message and the underlying cause. */
    public CredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
