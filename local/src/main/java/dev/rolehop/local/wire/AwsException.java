package dev.rolehop.local.wire;

/** An AWS error answered to the client: a catalogue entry and AWS's message. */
public final class AwsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient AwsErrorCode error;

    /** Creates the error; the message must be AWS's text and never holds a secret. */
    public AwsException(AwsErrorCode error, String message) {
        super(message, null, false, false);
        this.error = error;
    }

    /** The catalogue entry (code and HTTP status). */
    public AwsErrorCode error() {
        return error;
    }
}
