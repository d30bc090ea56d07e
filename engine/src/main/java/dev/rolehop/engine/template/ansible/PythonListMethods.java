package dev.rolehop.engine.template.ansible;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Python's non-mutating {@code list} methods as templates call them: {@code index}, {@code count},
 * {@code copy}. The mutating ones ({@code append}, {@code pop}, ...) stay Jinjava's own.
 */
final class PythonListMethods {
    private static final Set<String> NAMES = Set.of("index", "count", "copy");

    private PythonListMethods() {}

    static boolean has(String name) {
        return NAMES.contains(name);
    }

    static Object call(List<?> list, PythonCall call) {
        return switch (call.method()) {
            case "index" -> index(list, call.expects(1, 3));
            case "count" -> count(list, call.exactlyOne().get(0));
            case "copy" -> {
                call.none();
                yield new ArrayList<>(list);
            }
            default -> throw new IllegalStateException("list." + call.method() + " is listed but not implemented");
        };
    }

    private static long count(List<?> list, Object item) {
        return list.stream()
                .filter(candidate -> PythonValues.equal(candidate, item))
                .count();
    }

    /** Python's {@code list.index(x, start=0, end=len)}; a missing item is a ValueError. */
    private static long index(List<?> list, PythonCall call) {
        int size = list.size();
        int start = clip(call.has(1) ? call.integer(1, null, 0) : 0, size);
        int end = Math.min(clip(call.has(2) ? call.integer(2, null, size) : size, size), size);
        for (int i = start; i < end; i++) {
            if (PythonValues.equal(list.get(i), call.get(0))) {
                return i;
            }
        }
        throw new AnsibleFilterError(PythonRepr.repr(call.get(0)) + " is not in list", "ValueError");
    }

    private static int clip(int index, int size) {
        return index < 0 ? Math.max(0, index + size) : index;
    }
}
