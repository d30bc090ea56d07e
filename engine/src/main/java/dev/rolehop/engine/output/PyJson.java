package dev.rolehop.engine.output;

import dev.rolehop.engine.template.PythonText;
import dev.rolehop.python.Json;
import dev.rolehop.python.PythonTypeError;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serializes results as Ansible's callbacks do, through Python's {@code json.dumps}
 * ({@link Json}), so output matches ansible-playbook byte for byte.
 *
 * <p>Objects json cannot write are written by their Python {@code str()} (a dict view as its
 * list) rather than failing the run.
 */
public final class PyJson {

    private PyJson() {}

    /** The default callback's {@code _dump_results} on one line: sorted keys, {@code ensure_ascii=False}. */
    public static String compact(Object value) {
        return dumpResults(value, null);
    }

    /** The default callback's {@code _dump_results} with {@code indent}: separators {@code ","} and {@code ": "}. */
    public static String indented(Object value, int indent) {
        return dumpResults(value, indent);
    }

    /**
     * {@code json.dumps(value, sort_keys=True, indent=indent)} with Python's default
     * {@code ensure_ascii=True}: U+007F and every character above it written as a backslash-u
     * escape of its UTF-16 units (the json callback, diffs of structures).
     */
    public static String indentedAscii(Object value, int indent) {
        return Json.dumps()
                .indent(indent)
                .sortKeys(true)
                .fallback(PyJson::fallback)
                .write(value);
    }

    /** {@code json.dumps(value)} with Python's defaults: keys in their order, {@code ensure_ascii=True} (copy's {@code content}, uri's {@code body}). */
    public static String plain(Object value) {
        return Json.dumps().fallback(PyJson::fallback).write(value);
    }

    /**
     * Ansible's {@code _dump_results}: keys sorted; when Python cannot sort them (keys of mixed
     * types), the top level sorted by the text of its (key, value) pairs and nothing below it sorted.
     */
    private static String dumpResults(Object value, Integer indent) {
        Json json =
                Json.dumps().indent(indent).sortKeys(true).ensureAscii(false).fallback(PyJson::fallback);
        try {
            return json.write(value);
        } catch (PythonTypeError e) {
            if (!(value instanceof Map<?, ?> map)) {
                throw e;
            }
            Map<Object, Object> sorted = new LinkedHashMap<>();
            // sorted(items, key=to_text): each (key, value) pair compared as the text of the tuple
            map.entrySet().stream()
                    .sorted(Comparator.comparing(entry ->
                            "(" + PythonText.repr(entry.getKey()) + ", " + PythonText.repr(entry.getValue()) + ")"))
                    .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
            return json.sortKeys(false).write(sorted);
        }
    }

    private static Object fallback(Object value) {
        return value instanceof Collection<?> items ? new ArrayList<>(items) : PythonText.str(value);
    }
}
