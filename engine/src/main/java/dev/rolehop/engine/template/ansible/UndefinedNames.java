package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.DynamicVariableResolver;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/**
 * Resolves a name Jinjava finds no value for: {@code null} (Python's None) when some scope binds
 * it to None, otherwise an {@link Undefined}, which is what Jinja2 under Ansible sees.
 */
final class UndefinedNames implements DynamicVariableResolver {

    @Override
    public Object apply(String name) {
        if (name.equals("none") || name.equals("None")) {
            // Jinja2's literals for None, which Jinjava looks up as names
            return null;
        }
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        if (interpreter != null) {
            // Jinjava's scope lookup treats a null value as absent, so the scopes are searched for the key
            for (Context scope = interpreter.getContext(); scope != null; scope = scope.getParent()) {
                if (scope.getScope().containsKey(name)) {
                    return null;
                }
            }
        }
        return Undefined.variable(name);
    }
}
