package dev.rolehop.engine.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words Jinjava's parse errors as Jinja2 words them where the two can be matched: an expression
 * that ends too early ({@code {{ 1 + }}}) is Jinja2's {@code unexpected 'end of print statement'}
 * (or {@code 'end of statement block'} inside {@code {% %}}). Other errors keep Jinjava's text.
 */
final class Jinja2SyntaxError {

    /** Jinjava parses {@code #{EXPR}}, so an error at EXPR's length + 2 is at its end. */
    private static final Pattern AT_POSITION = Pattern.compile(
            "^Error parsing '(?<expr>.*)': syntax error at position (?<at>\\d+), encountered '}'", Pattern.DOTALL);

    private Jinja2SyntaxError() {
    }

    /** Returns Jinja2's message for the Jinjava parse error {@code message} in {@code template}. */
    static String message(String message, String template) {
        Matcher error = AT_POSITION.matcher(message);
        if (!error.find()) {
            return message;
        }
        String expression = error.group("expr");
        if (Integer.parseInt(error.group("at")) != expression.length() + 2) {
            return message;
        }
        boolean printed = Pattern.compile("\\{\\{[-+]?\\s*" + Pattern.quote(expression.strip()) + "\\s*[-+]?}}")
                .matcher(template).find();
        return printed ? "unexpected 'end of print statement'" : "unexpected 'end of statement block'";
    }
}
