package dev.rolehop.engine.template;

import com.hubspot.jinjava.interpret.LazyExpression;
import dev.rolehop.engine.template.ansible.Lookups;
import dev.rolehop.engine.template.ansible.Undefined;
import dev.rolehop.engine.template.jinja.Jinja2Source;
import dev.rolehop.engine.vault.EncryptedString;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The variables one templating call sees. Values that are themselves templates are rendered
 * only when a template reads them (Ansible's lazy evaluation), once per call, and a variable
 * that needs itself is reported as a recursive loop rather than overflowing the stack.
 */
final class TemplateScope {

    private final Map<String, Object> raw;
    private final Map<String, Object> bindings;
    private final Deque<String> evaluating = new ArrayDeque<>();

    TemplateScope(
            Map<String, Object> vars, Map<String, Object> extra, BiFunction<Object, TemplateScope, Object> renderer) {
        this.raw = vars;
        this.bindings = new HashMap<>(vars.size() + extra.size() + 5);
        for (Map.Entry<String, Object> entry : vars.entrySet()) {
            String name = entry.getKey();
            Object value = entry.getValue();
            if (containsTemplate(value)) {
                bindings.put(name, LazyExpression.of(() -> evaluate(name, value, renderer), String.valueOf(value)));
            } else {
                bindings.put(name, value);
            }
        }
        bindings.putAll(extra);
        // Jinjava's context keeps no order; the varnames lookup lists names in the order given
        List<String> names = new ArrayList<>(vars.keySet());
        names.addAll(extra.keySet());
        bindings.put(Lookups.VARIABLE_NAMES_KEY, List.copyOf(names));
        for (String name : Jinja2Source.RESERVED) {
            // bound even when undefined, so that the error names the variable, not its alias
            bindings.put(
                    Jinja2Source.RESERVED_PREFIX + name,
                    bindings.containsKey(name) ? bindings.get(name) : Undefined.variable(name));
        }
    }

    Map<String, Object> bindings() {
        return bindings;
    }

    /** Whether a top-level variable is defined, even when its value is None. */
    boolean defines(String name) {
        return raw.containsKey(name);
    }

    Object rawValue(String name) {
        return raw.get(name);
    }

    private Object evaluate(String name, Object value, BiFunction<Object, TemplateScope, Object> renderer) {
        if (evaluating.contains(name)) {
            throw new TemplateException("recursive loop detected in template string: " + PythonText.str(value));
        }
        evaluating.push(name);
        try {
            Object rendered = renderer.apply(value, this);
            return rendered == Templar.OMIT ? null : rendered;
        } finally {
            evaluating.pop();
        }
    }

    static boolean containsTemplate(Object value) {
        if (value instanceof OpaqueVariables) {
            return false;
        }
        if (value instanceof EncryptedString) {
            // decrypted when read, as Ansible decrypts a !vault value when a template uses it
            return true;
        }
        if (value instanceof String s) {
            return Templar.looksLikeTemplate(s);
        }
        if (value instanceof Map<?, ?> map) {
            for (Object item : map.values()) {
                if (containsTemplate(item)) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (containsTemplate(item)) {
                    return true;
                }
            }
        }
        return false;
    }
}
