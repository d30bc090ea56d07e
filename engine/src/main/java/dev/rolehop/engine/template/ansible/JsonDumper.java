package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.objects.SafeString;
import dev.rolehop.python.Json;
import dev.rolehop.python.PythonTypeError;

/**
 * Writes values as Python's {@code json.dumps} with Ansible's JSON encoder does, which is what
 * Ansible's {@code to_json} and {@code to_nice_json} call ({@link Json} does the writing): a
 * datetime as its ISO form, Jinja2's {@code Markup} as a string, and Python's TypeError as
 * Ansible's filter error.
 *
 * @param indent spaces per level, or negative for a single line
 * @param sortKeys whether mapping keys are sorted
 * @param itemSeparator between items, {@code ", "} by default ({@code ","} when indenting)
 * @param keySeparator between a key and its value, {@code ": "} by default
 * @param ensureAscii whether non-ASCII characters are written as {@code \\uXXXX}
 */
record JsonDumper(int indent, boolean sortKeys, String itemSeparator, String keySeparator, boolean ensureAscii) {

    /** Returns the JSON text of the value. */
    String dump(Object value) {
        Json json = new Json(
                indent < 0 ? null : indent,
                sortKeys,
                itemSeparator,
                keySeparator,
                ensureAscii,
                other -> other instanceof SafeString safe ? safe.getValue() : other);
        try {
            return json.write(value);
        } catch (PythonTypeError e) {
            throw AnsibleFilterError.typeError(e.getMessage());
        }
    }
}
