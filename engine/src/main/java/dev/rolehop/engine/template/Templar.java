package dev.rolehop.engine.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.UnknownTokenException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import dev.rolehop.engine.template.ansible.AnsiblePlugins;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Renders Ansible templates with Jinjava, with ansible-core 2.14's semantics (jinja2_native off):
 * strings in lists and maps are rendered recursively; a result that reads as a Python list, dict
 * or boolean literal becomes that value, everything else stays text; variables that are templates
 * are rendered lazily; {@code omit} drops the key or argument it is given to.
 */
public final class Templar {

    /** What {@link #template} returns where the result is Ansible's {@code omit}. */
    public static final Object OMIT = new Object() {
        @Override
        public String toString() {
            return "omit";
        }
    };

    private static final String OMIT_TOKEN = "__omit_place_holder__" + UUID.randomUUID().toString().replace("-", "");

    private static final java.util.regex.Pattern SINGLE_VARIABLE = java.util.regex.Pattern.compile("^\\{\\{\\s*(\\w*)\\s*}}$");

    private final Jinjava jinjava;
    private final Map<String, String> environment;

    public Templar(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(true)
                .withTrimBlocks(true)
                .withInterperterFactory(new PythonInterpreter.Factory())
                .withLegacyOverrides(LegacyOverrides.newBuilder()
                        .withUseNaturalOperatorPrecedence(true)
                        .withIterateOverMapKeys(true)
                        .withKeepNullableLoopValues(true)
                        .withEvaluateMapKeys(true)
                        .build())
                .build();
        this.jinjava = new Jinjava(config);
        AnsiblePlugins.install(jinjava, this.environment);
    }

    /** The Jinjava instance, for installing filters, tests and functions. */
    public Jinjava jinjava() {
        return jinjava;
    }

    /** The process environment lookups such as {@code lookup('env', ...)} read. */
    public Map<String, String> environment() {
        return environment;
    }

    /** Whether the text contains Jinja2 syntax ({@code {{ }}}, {@code {% %}} or {@code {# #}}). */
    public boolean isTemplate(String text) {
        return looksLikeTemplate(text);
    }

    static boolean looksLikeTemplate(String text) {
        return text.contains("{{") || text.contains("{%") || text.contains("{#");
    }

    /**
     * Renders every string in the value (recursively through lists and maps) against the variables.
     *
     * @return the rendered value; {@link #OMIT} when it is Ansible's {@code omit}
     * @throws UndefinedVariableException when a template uses an undefined variable
     * @throws TemplateException when a template is not valid or fails
     */
    public Object template(Object value, Map<String, Object> vars) {
        if (!TemplateScope.containsTemplate(value)) {
            return value;
        }
        return render(value, scope(vars));
    }

    /**
     * Evaluates a {@code when}/{@code failed_when}/{@code changed_when} value as Ansible 2.14 does:
     * a string is a Jinja2 expression without braces, a bool is itself, a list is the AND of its
     * items, and a missing or empty value is true.
     */
    public boolean evaluateConditional(Object when, Map<String, Object> vars) {
        if (when instanceof List<?> list) {
            for (Object item : list) {
                if (!evaluateConditional(item, vars)) {
                    return false;
                }
            }
            return true;
        }
        if (when == null) {
            return true;
        }
        if (!(when instanceof String text)) {
            return Truth.of(when);
        }
        TemplateScope scope = scope(vars);
        Object rendered = render(text, scope);
        if (!(rendered instanceof String expression) || expression.isEmpty()) {
            return rendered == OMIT || Truth.of(rendered);
        }
        return Truth.of(evaluate(expression, scope));
    }

    /**
     * Renders a whole template file (the {@code template} module) to text: no conversion of the
     * result to data, trailing newlines kept.
     */
    public String renderText(String text, Map<String, Object> vars) {
        TemplateScope scope = scope(vars);
        JinjavaInterpreter interpreter = interpreter(scope);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            String out = interpreter.render(interpreter.parse(text));
            checkErrors(interpreter, text, scope);
            return out;
        } catch (UnknownTokenException e) {
            throw undefinedOrNone(e, scope);
        } catch (InterpretException e) {
            throw new TemplateException("template error while templating string: " + e.getMessage());
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /** Evaluates a bare Jinja2 expression ({@code item.name | upper}) to its value. */
    public Object evaluateExpression(String expression, Map<String, Object> vars) {
        return evaluate(expression, scope(vars));
    }

    private TemplateScope scope(Map<String, Object> vars) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("omit", OMIT_TOKEN);
        return new TemplateScope(vars, extra, this::render);
    }

    private Object render(Object value, TemplateScope scope) {
        if (value instanceof String text) {
            return looksLikeTemplate(text) ? renderString(text, scope) : text;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = render(entry.getKey(), scope);
                Object item = render(entry.getValue(), scope);
                if (item != OMIT && key != OMIT) {
                    out.put(key, item);
                }
            }
            return out;
        }
        if (value instanceof Collection<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                Object rendered = render(item, scope);
                if (rendered != OMIT) {
                    out.add(rendered);
                }
            }
            return out;
        }
        return value;
    }

    private Object renderString(String text, TemplateScope scope) {
        java.util.regex.Matcher single = SINGLE_VARIABLE.matcher(text);
        if (single.matches() && scope.defines(single.group(1))) {
            // Ansible hands back a lone variable's bool, number or None unchanged instead of rendering it to text.
            Object value = scope.rawValue(single.group(1));
            if (value == null || value instanceof Boolean || value instanceof Number) {
                return value;
            }
        }
        try {
            return renderTemplate(text, scope);
        } catch (UnknownTokenException e) {
            throw undefinedOrNone(e, scope);
        } catch (InterpretException e) {
            throw new TemplateException("template error while templating string: " + e.getMessage() + ". String: " + text);
        }
    }

    private Object renderTemplate(String text, TemplateScope scope) {
        JinjavaInterpreter interpreter = interpreter(scope);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Node root = interpreter.parse(text);
            checkErrors(interpreter, text, scope);
            Object result;
            if (root.getChildren().size() == 1 && root.getChildren().getFirst() instanceof ExpressionNode node) {
                String expression = ((ExpressionToken) node.getMaster()).getExpr();
                result = resolve(interpreter, expression, text, scope);
                if (result == null || result instanceof Boolean) {
                    return result;
                }
                if (!(result instanceof String) && !(result instanceof Map) && !(result instanceof Collection)) {
                    result = PythonText.str(result);
                } else if (!(result instanceof String)) {
                    return result;
                }
            } else {
                result = interpreter.render(root);
                checkErrors(interpreter, text, scope);
            }
            return fromText((String) result);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    private Object evaluate(String expression, TemplateScope scope) {
        JinjavaInterpreter interpreter = interpreter(scope);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            return resolve(interpreter, expression, expression, scope);
        } catch (UnknownTokenException e) {
            String name = e.getToken() == null ? "" : e.getToken().strip();
            if (scope.defines(name) && scope.rawValue(name) == null) {
                return null;
            }
            throw undefinedOrNone(e, scope);
        } catch (InterpretException e) {
            throw new TemplateException("template error while templating string: " + e.getMessage()
                    + ". String: " + expression);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    private static TemplateException undefinedOrNone(UnknownTokenException e, TemplateScope scope) {
        String message = Objects.toString(e.getMessage(), "");
        String token = message.contains("found: ") ? message.substring(message.indexOf("found: ") + 7).strip() : message;
        return UndefinedReport.undefined(token, scope);
    }

    private Object resolve(JinjavaInterpreter interpreter, String expression, String text, TemplateScope scope) {
        Object value = interpreter.resolveELExpression(expression, 1);
        try {
            checkErrors(interpreter, text, scope);
        } catch (UndefinedVariableException e) {
            // Jinjava treats a variable whose value is None as unknown; Ansible does not.
            if (scope.defines(expression.strip()) && scope.rawValue(expression.strip()) == null) {
                return null;
            }
            throw e;
        }
        return value;
    }

    /** Ansible's post-processing of rendered text: Python list/dict/bool literals become values. */
    private Object fromText(String out) {
        if (out.equals(OMIT_TOKEN)) {
            return OMIT;
        }
        if ((out.startsWith("{") || out.startsWith("[") || out.equals("True") || out.equals("False"))
                && PythonLiteral.isLiteral(out)) {
            return PythonLiteral.valueOf(out);
        }
        return out;
    }

    private JinjavaInterpreter interpreter(TemplateScope scope) {
        Context context = new Context(jinjava.getGlobalContext(), scope.bindings());
        return jinjava.getGlobalConfig().getInterpreterFactory()
                .newInstance(jinjava, context, jinjava.getGlobalConfig());
    }

    private static void checkErrors(JinjavaInterpreter interpreter, String text, TemplateScope scope) {
        for (TemplateError error : interpreter.getErrors()) {
            if (error.getSeverity() != TemplateError.ErrorType.FATAL) {
                continue;
            }
            Throwable cause = error.getException();
            while (cause != null) {
                if (cause instanceof TemplateException ours) {
                    throw ours;
                }
                cause = cause.getCause() == cause ? null : cause.getCause();
            }
            String message = Objects.toString(error.getMessage(), "");
            if (message.startsWith("UnknownTokenException: Unknown token found: ")) {
                throw UndefinedReport.undefined(message.substring(message.indexOf("found: ") + 7).strip(), scope);
            }
            throw new TemplateException("template error while templating string: " + message + ". String: " + text);
        }
    }
}
