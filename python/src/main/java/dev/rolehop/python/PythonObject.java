package dev.rolehop.python;

/**
 * A JVM value that stands for a Python object other than None, bool, int, float, str, list and
 * dict (a tuple, a datetime, a dict view, Jinja's Undefined): it says how Python shows it.
 *
 * <p>{@link PythonRepr}, {@link Json} and {@link Truth} ask these methods before treating the
 * value as the {@link java.util.Collection} or {@link java.util.Map} it may also be.
 */
public interface PythonObject {

    /** Returns Python's {@code repr(self)}. */
    String repr();

    /** Returns Python's {@code str(self)}; by default its repr, as for most Python types. */
    default String str() {
        return repr();
    }

    /** Returns the name of the Python type ({@code tuple}, {@code datetime}). */
    String typeName();

    /** Returns Python's {@code bool(self)}; by default true, as for most Python objects. */
    default boolean truth() {
        return true;
    }

    /**
     * Returns what {@code json.dumps} writes in place of this object (a str, list, dict, ...),
     * as a JSON encoder's {@code default()} would; by default Python's TypeError.
     *
     * @throws PythonTypeError when the object is not JSON serializable
     */
    default Object toJson() {
        throw new PythonTypeError("Object of type " + typeName() + " is not JSON serializable");
    }
}
