package dev.rolehop.engine.template;

/** A template used a variable (or attribute) that is not defined: "'foo' is undefined". */
public class UndefinedVariableException extends TemplateException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with Jinja2's message, e.g. {@code 'foo' is undefined}. */
    public UndefinedVariableException(String message) {
        super(message);
    }
}
