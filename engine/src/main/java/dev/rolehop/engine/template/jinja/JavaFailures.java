package dev.rolehop.engine.template.jinja;

import com.hubspot.jinjava.interpret.InterpretException;
import dev.rolehop.engine.template.TemplateException;
import dev.rolehop.engine.template.ansible.AnsibleFilterError;
import java.time.DateTimeException;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Java exception that escaped a filter, test or lookup (a plugin given a value of a type
 * it did not expect) into the Python error that stands nearest to it, so the task fails with a
 * Python-worded message, as in Ansible, instead of a Java class name, and the run never ends with
 * "Unexpected Exception" (exit 250). The wording is the nearest Python wording, not always the
 * exact message ansible-core gives for that plugin; the plugins whose messages are exact throw
 * {@link AnsibleFilterError} themselves.
 */
final class JavaFailures {

    private static final Pattern CAST = Pattern.compile("class (\\S+) cannot be cast to class (\\S+)");
    private static final Pattern COERCE =
            Pattern.compile("Cannot coerce '.*' of class (\\S+) to class (\\S+)", Pattern.DOTALL);
    private static final Pattern INPUT_STRING = Pattern.compile("For input string: \"(.*)\"", Pattern.DOTALL);

    private JavaFailures() {}

    /**
     * The innermost Java failure in the cause chain, or null when the chain holds one of the
     * templar's own errors (which carry Ansible's message) or only Jinjava's template errors.
     */
    static Throwable find(Throwable error) {
        Throwable found = null;
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TemplateException || cause instanceof AnsibleFilterError) {
                return null;
            }
            if (javaFailure(cause)) {
                found = cause;
            }
        }
        return found;
    }

    private static boolean javaFailure(Throwable cause) {
        if (cause instanceof InterpretException) {
            // Jinjava's template errors; a failed call of a Java method is one too
            return COERCE.matcher(String.valueOf(cause.getMessage())).find();
        }
        // Jinjava's and its EL's own exceptions (parse errors, ...) are template errors, not Java failures.
        String name = cause.getClass().getName();
        return cause instanceof RuntimeException && (name.startsWith("java.") || name.startsWith("org.yaml."))
                || cause instanceof VirtualMachineError
                || cause instanceof LinkageError
                || COERCE.matcher(String.valueOf(cause.getMessage())).find();
    }

    /** The Python error for a Java failure, as an Ansible plugin error. */
    static AnsibleFilterError toPython(Throwable failure) {
        String message = String.valueOf(failure.getMessage());
        Matcher cast = CAST.matcher(message);
        if (failure instanceof ClassCastException && cast.find()) {
            return AnsibleFilterError.typeError(expected(cast.group(2), pythonType(cast.group(1))));
        }
        Matcher coerce = COERCE.matcher(message);
        if (coerce.find()) {
            return AnsibleFilterError.typeError(expected(coerce.group(2), pythonType(coerce.group(1))));
        }
        if (failure instanceof NullPointerException) {
            return AnsibleFilterError.typeError("'NoneType' object cannot be interpreted as an integer");
        }
        if (failure instanceof NumberFormatException) {
            Matcher input = INPUT_STRING.matcher(message);
            if (input.find()) {
                return new AnsibleFilterError(
                        "invalid literal for int() with base 10: '" + input.group(1) + "'", "ValueError");
            }
            return new AnsibleFilterError(
                    message.contains("NaN") || message.contains("Infinite")
                            ? "cannot convert float NaN or infinity to integer"
                            : "invalid literal for int()",
                    "ValueError");
        }
        if (failure instanceof ArithmeticException) {
            return message.contains("by zero")
                    ? new AnsibleFilterError("integer division or modulo by zero", "ZeroDivisionError")
                    : new AnsibleFilterError("int too large to convert", "OverflowError");
        }
        if (failure instanceof StringIndexOutOfBoundsException) {
            return new AnsibleFilterError("string index out of range", "IndexError");
        }
        if (failure instanceof IndexOutOfBoundsException) {
            return new AnsibleFilterError("list index out of range", "IndexError");
        }
        if (failure instanceof DateTimeException) {
            return new AnsibleFilterError("date value out of range", "OverflowError");
        }
        if (failure instanceof OutOfMemoryError) {
            return new AnsibleFilterError("the result is too large to hold in memory", "MemoryError");
        }
        if (failure instanceof StackOverflowError) {
            return new AnsibleFilterError("maximum recursion depth exceeded", "RecursionError");
        }
        if (failure instanceof LinkageError) {
            // a Jinjava built-in built against another version of a library rolehop ships
            return new AnsibleFilterError(
                    "this filter cannot run in rolehop (a library it needs is missing)", "AnsibleFilterError");
        }
        if (failure instanceof UnsupportedOperationException || failure instanceof IllegalStateException) {
            return AnsibleFilterError.typeError("unsupported operation on this value");
        }
        // IllegalArgumentException and the rest: Java's own text names no class.
        return new AnsibleFilterError(message, "ValueError");
    }

    /** Python's words for a value of {@code actual} type where a {@code wanted} (a Java class) was needed. */
    private static String expected(String wanted, String actual) {
        String simple = wanted.substring(wanted.lastIndexOf('.') + 1);
        return switch (simple) {
            case "Number", "Long", "Integer", "BigDecimal", "BigInteger", "Double", "Float", "Short", "Byte" ->
                "'" + actual + "' object cannot be interpreted as an integer";
            case "String", "CharSequence" -> "expected str instance, " + actual + " found";
            case "Boolean" -> "expected bool, " + actual + " found";
            default ->
                Map.class.getSimpleName().equals(simple) || simple.endsWith("Map")
                        ? "'" + actual + "' object is not a mapping"
                        : Collection.class.getSimpleName().equals(simple) || simple.endsWith("List")
                                ? "'" + actual + "' object is not iterable"
                                : "unsupported operand type: '" + actual + "'";
        };
    }

    /** Python's type name for a Java class name as Jinjava's values have them. */
    private static String pythonType(String javaClass) {
        String simple = javaClass.substring(javaClass.lastIndexOf('.') + 1);
        if (simple.endsWith("List") || simple.endsWith("Collection") || simple.endsWith("Set")) {
            return "list";
        }
        if (simple.endsWith("Map")) {
            return "dict";
        }
        return switch (simple) {
            case "String", "SafeString" -> "str";
            case "Boolean" -> "bool";
            case "Long", "Integer", "BigInteger", "Short", "Byte" -> "int";
            case "Double", "Float", "BigDecimal" -> "float";
            default -> simple;
        };
    }
}
