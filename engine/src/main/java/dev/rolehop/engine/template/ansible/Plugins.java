package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import java.util.List;
import java.util.Map;

/**
 * Calls a filter or test by name, as {@code map('int')} or {@code select('match', 'x')} do,
 * through the interpreter's context so Ansible's and Jinjava's plugins are both found.
 */
final class Plugins {
    private Plugins() {}

    /** Applies the named filter to the value with the given arguments. */
    static Object filter(
            JinjavaInterpreter interpreter, String name, Object value, List<Object> args, Map<String, Object> kwargs) {
        Filter filter = interpreter.getContext().getFilter(name);
        if (filter == null) {
            throw notFound(name);
        }
        return filter.filter(value, interpreter, args.toArray(), kwargs);
    }

    /** Evaluates the named test on the value with the given arguments. */
    static boolean test(JinjavaInterpreter interpreter, String name, Object value, List<Object> args) {
        ExpTest test = interpreter.getContext().getExpTest(name);
        if (test == null) {
            throw notFound(name);
        }
        return test.evaluate(value, interpreter, args.toArray());
    }

    /** Jinja2's compile-time error for an unknown plugin name, as Ansible reports it. */
    static AnsibleFilterError notFound(String name) {
        return new AnsibleFilterError("Could not load \"" + name + "\": '" + name + "'", "TemplateSyntaxError");
    }
}
