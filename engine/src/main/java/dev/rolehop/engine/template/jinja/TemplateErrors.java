package dev.rolehop.engine.template.jinja;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import dev.rolehop.engine.template.TemplateException;
import dev.rolehop.engine.template.UndefinedVariableException;
import dev.rolehop.engine.template.ansible.AnsibleFilterError;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what goes wrong while rendering into the exceptions, and words, of Ansible's templar. */
public final class TemplateErrors {

    /** Jinjava parses {@code #{EXPR}}, so an error at EXPR's length + 2 is at its end. */
    private static final Pattern AT_POSITION = Pattern.compile(
            "^Error parsing '(?<expr>.*)': syntax error at position (?<at>\\d+), encountered '}'", Pattern.DOTALL);

    private TemplateErrors() {}

    /** Throws the first fatal error of a rendering, worded as Ansible words it. */
    public static void check(JinjavaInterpreter interpreter, String text) {
        for (TemplateError error : interpreter.getErrors()) {
            if (error.getSeverity() != TemplateError.ErrorType.FATAL) {
                continue;
            }
            Throwable failure = JavaFailures.find(error.getException());
            if (failure != null) {
                throw fromPlugin(JavaFailures.toPython(failure), text);
            }
            Throwable cause = error.getException();
            while (cause != null) {
                if (cause instanceof TemplateException ours) {
                    throw ours;
                }
                if (cause instanceof AnsibleFilterError plugin) {
                    throw fromPlugin(plugin, text);
                }
                cause = cause.getCause() == cause ? null : cause.getCause();
            }
            throw syntax(Objects.toString(error.getMessage(), ""), text);
        }
    }

    /**
     * A Java exception that escaped Jinjava's own error handling (the templar catches what a
     * plugin throws for a value it cannot handle, so no such exception ends the run).
     */
    public static TemplateException unexpected(RuntimeException e, String text) {
        if (e instanceof TemplateException ours) {
            return ours;
        }
        if (e instanceof AnsibleFilterError plugin) {
            return fromPlugin(plugin, text);
        }
        Throwable failure = JavaFailures.find(e);
        return fromPlugin(
                failure != null
                        ? JavaFailures.toPython(failure)
                        : new AnsibleFilterError(String.valueOf(e.getMessage()), "AnsibleError"),
                text);
    }

    /** A filter's, test's or lookup's error, as Ansible's templar passes it on. */
    public static TemplateException fromPlugin(AnsibleFilterError error, String text) {
        return error.isUndefinedVariable()
                ? new UndefinedVariableException(error.getMessage())
                : new TemplateException(error.templarMessage(text));
    }

    /** Ansible's AnsibleError for a template Jinja2 cannot compile, which repeats the cause's text. */
    public static TemplateException syntax(String jinjavaMessage, String text) {
        String message = jinja2Wording(jinjavaMessage, text);
        return new TemplateException(
                "template error while templating string: " + message + ". String: " + text + ". " + message);
    }

    /**
     * Words Jinjava's parse error as Jinja2 words it where the two can be matched: an expression
     * that ends too early ({@code {{ 1 + }}}) is Jinja2's {@code unexpected 'end of print statement'}
     * (or {@code 'end of statement block'} inside {@code {% %}}). Other errors keep Jinjava's text.
     */
    private static String jinja2Wording(String message, String template) {
        Matcher error = AT_POSITION.matcher(message);
        if (!error.find()) {
            return message;
        }
        String expression = error.group("expr");
        if (Integer.parseInt(error.group("at")) != expression.length() + 2) {
            return message;
        }
        boolean printed = Pattern.compile("\\{\\{[-+]?\\s*" + Pattern.quote(expression.strip()) + "\\s*[-+]?}}")
                .matcher(template)
                .find();
        return printed ? "unexpected 'end of print statement'" : "unexpected 'end of statement block'";
    }
}
