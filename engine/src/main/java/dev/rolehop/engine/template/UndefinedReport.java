package dev.rolehop.engine.template;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words an unknown token Jinjava reports as Jinja2 under Ansible would: {@code 'x' is undefined}
 * for a missing variable, {@code 'dict object' has no attribute 'k'} for a missing key.
 */
final class UndefinedReport {

    private static final Pattern SEGMENT = Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\[\\s*(?:'([^']*)'|\"([^\"]*)\"|(-?\\d+))\\s*]");
    private static final Pattern ROOT = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*");

    private UndefinedReport() {
    }

    static UndefinedVariableException undefined(String token, TemplateScope scope) {
        Matcher root = ROOT.matcher(token);
        if (!root.find()) {
            return new UndefinedVariableException(token, "'" + token + "' is undefined");
        }
        String name = root.group();
        if (!scope.defines(name)) {
            return UndefinedVariableException.of(name);
        }
        Object current = scope.bindings().get(name);
        if (current instanceof java.util.function.Supplier<?> lazy) {
            current = lazy.get();
        }
        Matcher segment = SEGMENT.matcher(token);
        int at = root.end();
        while (at < token.length() && segment.find(at) && segment.start() == at) {
            String key = segment.group(1) != null ? segment.group(1)
                    : segment.group(2) != null ? segment.group(2)
                    : segment.group(3) != null ? segment.group(3) : segment.group(4);
            Object next = step(current, key, segment.group(4) != null);
            if (next == MISSING) {
                return new UndefinedVariableException(name, describe(current, key, segment.group(4) != null));
            }
            current = next;
            at = segment.end();
        }
        return UndefinedVariableException.of(name);
    }

    private static final Object MISSING = new Object();

    private static Object step(Object current, String key, boolean index) {
        if (current instanceof Map<?, ?> map) {
            Object k = index ? (Object) Long.parseLong(key) : key;
            if (map.containsKey(k)) {
                return map.get(k);
            }
            return map.containsKey(key) ? map.get(key) : MISSING;
        }
        if (current instanceof List<?> list && index) {
            int i = Integer.parseInt(key);
            if (i < 0) {
                i += list.size();
            }
            return i >= 0 && i < list.size() ? list.get(i) : MISSING;
        }
        return MISSING;
    }

    private static String describe(Object current, String key, boolean index) {
        String type = current instanceof Map ? "dict object" : current instanceof List ? "list object"
                : current instanceof String ? "str object" : current == null ? "None" : "object";
        if (current instanceof List && index) {
            return "list object has no element " + key;
        }
        if (current == null) {
            return "'None' has no attribute '" + key + "'";
        }
        return "'" + type + "' has no attribute '" + key + "'";
    }
}
