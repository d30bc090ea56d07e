package dev.rolehop.python;

/** Python's {@code TypeError}, with Python's message ("Object of type set is not JSON serializable"). */
public final class PythonTypeError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PythonTypeError(String message) {
        super(message);
    }
}
