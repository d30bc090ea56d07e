package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.el.ext.NamedParameter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's methods on the values templates handle, as Jinja2 lets a template call them
 * ({@code 'a b'.split()}, {@code d.get('k', 'x')}, {@code l.index(2)}): a method Python defines
 * on {@code str}, {@code dict} or {@code list} runs with Python's semantics instead of the Java
 * method of the same or a similar name. {@link UndefinedAttributes} routes every method call here
 * first; a name this does not know is left to Jinjava.
 */
public final class PythonMethods {
    /** What {@link #call} returns for a method Python's type does not have here. */
    public static final Object UNKNOWN = new Object();

    private PythonMethods() {}

    /** Calls {@code receiver.name(*params)} as Python would, or returns {@link #UNKNOWN}. */
    public static Object call(Object receiver, String name, Object[] params) {
        if (receiver instanceof CharSequence text && PythonStrMethods.has(name)) {
            return PythonStrMethods.call(text.toString(), call("str", name, params));
        }
        if (receiver instanceof Map<?, ?> dict && PythonDictMethods.has(name)) {
            return PythonDictMethods.call(dict, call("dict", name, params));
        }
        if (receiver instanceof List<?> list && !(receiver instanceof PythonDictView) && PythonListMethods.has(name)) {
            return PythonListMethods.call(list, call("list", name, params));
        }
        return UNKNOWN;
    }

    /** Jinjava hands keyword arguments over as {@link NamedParameter}s among the positional ones. */
    private static PythonCall call(String type, String name, Object[] params) {
        List<Object> positional = new ArrayList<>();
        Map<String, Object> keywords = new LinkedHashMap<>();
        for (Object param : params == null ? new Object[0] : params) {
            if (param instanceof NamedParameter named) {
                keywords.put(named.getName(), named.getValue());
            } else {
                positional.add(param);
            }
        }
        return new PythonCall(type, name, positional, keywords);
    }
}
