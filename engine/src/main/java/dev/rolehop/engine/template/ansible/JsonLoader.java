package dev.rolehop.engine.template.ansible;

import dev.rolehop.python.Json;
import dev.rolehop.python.JsonDecodeError;

/**
 * Parses JSON as Python's {@code json.loads} does (Ansible's {@code from_json}; {@link Json}
 * does the parsing), its errors as Ansible's filter errors with Python's messages such as
 * {@code Expecting value: line 1 column 1 (char 0)}.
 */
final class JsonLoader {
    private JsonLoader() {}

    /** Returns the value of the JSON text, or throws Python's JSONDecodeError message. */
    static Object load(Object input) {
        if (!(input instanceof CharSequence text)) {
            throw AnsibleFilterError.typeError(
                    "the JSON object must be str, bytes or bytearray, not " + PythonValues.typeName(input));
        }
        try {
            return Json.loads(text.toString());
        } catch (JsonDecodeError e) {
            throw new AnsibleFilterError(e.getMessage(), "JSONDecodeError");
        }
    }
}
