package dev.rolehop.engine.template;

/** Words a conditional that could not be evaluated ({@code when}, {@code that}, {@code until}) as Ansible does. */
public final class ConditionalFailure {

    private ConditionalFailure() {}

    /**
     * Ansible's message: {@code The conditional check 'C' failed. The error was: ...}, where an
     * undefined variable reads {@code error while evaluating conditional (C): MSG. MSG}.
     */
    public static String message(TemplateException e, Object conditional) {
        String detail = e instanceof UndefinedVariableException
                ? "error while evaluating conditional (" + conditional + "): " + e.getMessage() + ". " + e.getMessage()
                : e.getMessage();
        return "The conditional check '" + conditional + "' failed. The error was: " + detail;
    }
}
