package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import dev.rolehop.engine.template.jinja.AnsibleEnvironment;
import java.util.Map;

/** Renders templates through the Jinjava environment the Templar renders with ({@link AnsibleEnvironment}). */
final class Render {
    private static final Jinjava JINJAVA = create();

    private Render() {}

    private static Jinjava create() {
        return AnsibleEnvironment.create(System.getenv());
    }

    /** Renders the template, failing with the first template error's message. */
    static String render(String template, Map<String, ?> vars) {
        RenderResult result = JINJAVA.renderForResult(template, vars);
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new IllegalStateException(error.getMessage(), error.getException());
            }
        }
        return result.getOutput();
    }

    static String render(String template) {
        return render(template, Map.of());
    }

    /** Evaluates a single expression to its native value. */
    static Object eval(String expression, Map<String, ?> vars) {
        com.hubspot.jinjava.interpret.JinjavaInterpreter interpreter = JINJAVA.newInterpreter();
        interpreter.getContext().putAll(vars);
        com.hubspot.jinjava.interpret.JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Object value = interpreter.resolveELExpression(expression, 1);
            for (TemplateError error : interpreter.getErrors()) {
                if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                    throw new IllegalStateException(error.getMessage(), error.getException());
                }
            }
            return value;
        } finally {
            com.hubspot.jinjava.interpret.JinjavaInterpreter.popCurrent();
        }
    }

    static Object eval(String expression) {
        return eval(expression, Map.of());
    }
}
