package dev.rolehop.engine.template.ansible;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Python's {@code dict} methods as templates call them: {@code get}, {@code keys}, {@code values}, {@code items}, {@code copy}. */
final class PythonDictMethods {
    private static final Set<String> NAMES = Set.of("get", "keys", "values", "items", "copy");

    private PythonDictMethods() {}

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    static Object call(Map<?, ?> dict, PythonCall call) {
        if (call.method().equals("get")) {
            return PythonValues.lookup(dict, call.expects(1, 2).get(0), call.get(1));
        }
        call.none();
        return switch (call.method()) {
            case "keys" -> PythonDictView.keys(dict);
            case "values" -> PythonDictView.values(dict);
            case "items" -> PythonDictView.items(dict);
            case "copy" -> new LinkedHashMap<>(dict);
            default -> throw new IllegalStateException("dict." + call.method() + " is listed but not implemented");
        };
    }
}
