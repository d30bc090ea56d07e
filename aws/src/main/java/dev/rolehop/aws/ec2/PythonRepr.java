package dev.rolehop.aws.ec2;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a value as Python's {@code repr()} would ({@code {'proto': 'tcp', 'ports': [22]}}), so
 * that messages quoting a rule read exactly as amazon.aws's.
 */
final class PythonRepr {

    private PythonRepr() {
    }

    static String of(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> of(e.getKey()) + ": " + of(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PythonRepr::of).collect(Collectors.joining(", ", "[", "]"));
        }
        String text = value.toString();
        return text.contains("'") && !text.contains("\"") ? "\"" + text + "\""
                : "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
