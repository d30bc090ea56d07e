package dev.rolehop.engine.template;

/** A template used a variable (or attribute) that is not defined: "'foo' is undefined". */
public class UndefinedVariableException extends TemplateException {

    private static final long serialVersionUID = 1L;

    private final String variableName;

    public UndefinedVariableException(String variableName, String message) {
        super(message);
        this.variableName = variableName;
    }

    /** An undefined top-level variable, with Ansible's message {@code 'name' is undefined}. */
    public static UndefinedVariableException of(String variableName) {
        return new UndefinedVariableException(variableName, "'" + variableName + "' is undefined");
    }

    /** The name of the variable that was undefined (the top-level name for an attribute). */
    public String variableName() {
        return variableName;
    }
}
