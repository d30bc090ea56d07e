package dev.rolehop.local.world;

/** A world file that cannot be used; the message names the file, line and the fix. */
public final class WorldException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Creates the error with a message of the form {@code world.yml:12:5: reason}. */
    public WorldException(String message) {
        super(message);
    }

    /** Creates the error with the I/O failure that caused it. */
    public WorldException(String message, Throwable cause) {
        super(message, cause);
    }
}
