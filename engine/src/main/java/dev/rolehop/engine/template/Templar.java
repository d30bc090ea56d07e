package dev.rolehop.engine.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.tree.ExpressionNode;
import com.hubspot.jinjava.tree.Node;
import com.hubspot.jinjava.tree.parse.ExpressionToken;
import dev.rolehop.engine.template.ansible.AnsibleFilterError;
import dev.rolehop.engine.template.ansible.Lookups;
import dev.rolehop.engine.template.ansible.PythonTuple;
import dev.rolehop.engine.template.ansible.Undefined;
import dev.rolehop.engine.template.jinja.AnsibleEnvironment;
import dev.rolehop.engine.template.jinja.Jinja2Source;
import dev.rolehop.engine.template.jinja.TemplateErrors;
import dev.rolehop.engine.vault.EncryptedString;
import dev.rolehop.engine.vault.Vault;
import dev.rolehop.engine.vault.VaultError;
import dev.rolehop.python.Truth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

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

    private static final String OMIT_TOKEN =
            "__omit_place_holder__" + UUID.randomUUID().toString().replace("-", "");

    /** Filters whose text Ansible keeps as text ({@code STRING_TYPE_FILTERS}) instead of reading it as a literal. */
    private static final Set<String> STRING_TYPE_FILTERS =
            Set.of("string", "to_json", "to_nice_json", "to_yaml", "to_nice_yaml");

    private static final java.util.regex.Pattern SINGLE_VARIABLE =
            java.util.regex.Pattern.compile("^\\{\\{\\s*(\\w*)\\s*}}$");

    private final Jinjava jinjava;
    private final Map<String, String> environment;
    private final Vault vault;

    public Templar(Map<String, String> environment) {
        this(environment, HostPatterns.NONE, Vault.NONE);
    }

    /**
     * A Templar whose {@code inventory_hostnames} lookup resolves host patterns with
     * {@code hostPatterns}, and whose file lookups decrypt vault files with {@code vault}.
     */
    public Templar(Map<String, String> environment, HostPatterns hostPatterns, Vault vault) {
        this.environment = Map.copyOf(environment);
        this.vault = vault;
        this.jinjava = AnsibleEnvironment.create(this.environment);
        jinjava.getGlobalContext().put(HostPatterns.CONTEXT_KEY, hostPatterns);
        jinjava.getGlobalContext().put(Lookups.VAULT_KEY, vault);
    }

    /**
     * The run's vault secrets: as Ansible's templar carries its {@code DataLoader}, so everything
     * that templates also reads files the way the run does.
     */
    public Vault vault() {
        return vault;
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
        // Ansible templates a conditional as this statement, and its errors name it so.
        return Truth.of(
                defined(evaluate(expression, scope, "{% if " + expression + " %} True {% else %} False {% endif %}")));
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
            String out = interpreter.render(interpreter.parse(known(Jinja2Source.template(text, false), text)));
            TemplateErrors.check(interpreter, text);
            return out;
        } catch (InterpretException e) {
            throw TemplateErrors.syntax(e.getMessage(), text);
        } catch (AnsibleFilterError e) {
            // printing an undefined value fails outside Jinjava's own error handling
            throw TemplateErrors.fromPlugin(e, text);
        } catch (TemplateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TemplateErrors.unexpected(e, text);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /**
     * Runs the lookup behind a task's {@code with_NAME} loop on its already templated terms, with
     * the task's variables, and returns its items.
     *
     * @param subdir where the task's action searches files ({@code templates}, {@code vars}, {@code files})
     * @throws TemplateException with the plugin's own message when the lookup fails
     */
    public List<Object> loopLookup(String name, List<Object> terms, String subdir, Map<String, Object> vars) {
        JinjavaInterpreter interpreter = interpreter(scope(vars));
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            return Lookups.loop(name, terms, subdir);
        } catch (AnsibleFilterError e) {
            throw e.pythonType().equals("AnsibleUndefinedVariable")
                    ? new UndefinedVariableException(e.getMessage())
                    : new TemplateException(e.getMessage());
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /** Evaluates a bare Jinja2 expression ({@code item.name | upper}) to its value. */
    public Object evaluateExpression(String expression, Map<String, Object> vars) {
        return evaluate(expression, scope(vars), expression);
    }

    private TemplateScope scope(Map<String, Object> vars) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("omit", OMIT_TOKEN);
        return new TemplateScope(vars, extra, this::render);
    }

    private Object render(Object value, TemplateScope scope) {
        if (value instanceof EncryptedString encrypted) {
            return render(decrypt(encrypted), scope);
        }
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
        } catch (InterpretException e) {
            throw TemplateErrors.syntax(e.getMessage(), text);
        } catch (AnsibleFilterError e) {
            // printing an undefined value fails outside Jinjava's own error handling
            throw TemplateErrors.fromPlugin(e, text);
        } catch (TemplateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TemplateErrors.unexpected(e, text);
        }
    }

    /**
     * Renders as Ansible's {@code do_template}: Jinja2 drops one trailing newline of the source
     * before it parses (so {@code "{{ x | to_nice_json }}\n"} is one expression), and Ansible
     * gives a text result back the trailing newlines the source had.
     */
    private Object renderTemplate(String text, TemplateScope scope) {
        Object result = renderJinja2(stripOneTrailingNewline(text), text, scope);
        if (result instanceof String rendered && !rendered.equals(OMIT_TOKEN)) {
            int missing = trailingNewlines(text) - trailingNewlines(rendered);
            return missing > 0 ? rendered + "\n".repeat(missing) : rendered;
        }
        return result;
    }

    private static String stripOneTrailingNewline(String text) {
        return text.endsWith("\r\n")
                ? text.substring(0, text.length() - 2)
                : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static int trailingNewlines(String text) {
        int count = 0;
        for (int i = text.length() - 1; i >= 0 && text.charAt(i) == '\n'; i--) {
            count++;
        }
        return count;
    }

    private Object renderJinja2(String source, String text, TemplateScope scope) {
        JinjavaInterpreter interpreter = interpreter(scope);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Node root = interpreter.parse(known(Jinja2Source.template(source, true), text));
            TemplateErrors.check(interpreter, text);
            Object result;
            if (root.getChildren().size() == 1 && root.getChildren().getFirst() instanceof ExpressionNode node) {
                String expression = ((ExpressionToken) node.getMaster()).getExpr();
                result = defined(resolve(interpreter, expression, text));
                if (result == null) {
                    // Ansible's finalize prints None as nothing; only a lone variable hands None back
                    return "";
                }
                if (result instanceof Boolean) {
                    return result;
                }
                if (result instanceof String && Jinja2Source.endsWithFilter(expression, STRING_TYPE_FILTERS)) {
                    return result;
                }
                if (result instanceof PythonTuple
                        || !(result instanceof String || result instanceof Map || result instanceof Collection)) {
                    // Ansible turns the value to text and reads back only what looks like a list, dict or bool
                    result = PythonText.str(result);
                } else if (!(result instanceof String)) {
                    return result;
                }
            } else {
                result = interpreter.render(root);
                TemplateErrors.check(interpreter, text);
            }
            return fromText((String) result);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /** The plaintext of a {@code !vault} value; a value no secret decrypts fails the template with Ansible's message. */
    private static String decrypt(EncryptedString encrypted) {
        try {
            return encrypted.plaintext();
        } catch (VaultError e) {
            throw new TemplateException(e.getMessage());
        }
    }

    /** Evaluates an expression; {@code shownAs} is the template its errors name. */
    private Object evaluate(String expression, TemplateScope scope, String shownAs) {
        JinjavaInterpreter interpreter = interpreter(scope);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            return resolve(interpreter, known(Jinja2Source.expression(expression), shownAs), shownAs);
        } catch (InterpretException e) {
            throw TemplateErrors.syntax(e.getMessage(), shownAs);
        } catch (AnsibleFilterError e) {
            throw TemplateErrors.fromPlugin(e, shownAs);
        } catch (TemplateException e) {
            throw e;
        } catch (RuntimeException e) {
            throw TemplateErrors.unexpected(e, shownAs);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /**
     * Returns the rewritten text once every filter and test it names exists: Jinja2 looks them
     * up when it compiles a template, so an unknown one fails even where it would not run.
     */
    private String known(Jinja2Source.Rewritten source, String text) {
        Context globals = jinjava.getGlobalContext();
        Stream.concat(
                        source.filters().stream().filter(name -> globals.getFilter(name) == null),
                        source.tests().stream().filter(name -> globals.getExpTest(name) == null))
                .findFirst()
                .ifPresent(name -> {
                    throw TemplateErrors.syntax("Could not load \"" + name + "\": '" + name + "'", text);
                });
        return source.text();
    }

    private static Object resolve(JinjavaInterpreter interpreter, String expression, String text) {
        Object value = interpreter.resolveELExpression(expression, 1);
        TemplateErrors.check(interpreter, text);
        return value;
    }

    /**
     * Fails on a result that is, or holds, an undefined value: Ansible fails when it turns it into
     * text. Views such as {@code hostvars} hold themselves and are not searched.
     */
    private static Object defined(Object value) {
        if (value instanceof OpaqueVariables) {
            return value;
        }
        if (value instanceof Undefined undefined) {
            throw new UndefinedVariableException(undefined.message());
        }
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(Templar::defined);
        } else if (value instanceof Collection<?> items) {
            items.forEach(Templar::defined);
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
        return jinjava.getGlobalConfig()
                .getInterpreterFactory()
                .newInstance(jinjava, context, jinjava.getGlobalConfig());
    }
}
