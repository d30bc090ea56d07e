package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ansible's {@code template} lookup: renders each template file, found in the {@code templates}
 * search path, with the current variables plus {@code template_path}, {@code template_fullpath}
 * and the {@code template_vars} option. Trailing newlines are kept, as Ansible keeps them.
 *
 * <p>The file is rendered by the interpreter of the calling template, so its errors (an
 * undefined variable, a failing filter) are reported through that interpreter, as the engine
 * reports any other template error.
 */
final class TemplateLookup implements Lookup {
    @Override
    public List<Object> run(List<Object> terms, Map<String, Object> options, LookupContext context) {
        Lookups.accept("template", options, "convert_data", "template_vars", "jinja2_native");
        Object templateVars = options.get("template_vars");
        if (templateVars != null && !(templateVars instanceof Map<?, ?>)) {
            throw new AnsibleFilterError(
                    "Invalid type for configuration option template_vars: " + PythonRepr.str(templateVars),
                    "AnsibleOptionsError");
        }
        List<Object> results = new ArrayList<>();
        for (Object term : terms) {
            String name = PythonRepr.str(term);
            Path file = context.find("templates", name);
            if (file == null || Files.isDirectory(file)) {
                throw new AnsibleFilterError(
                        "the template file " + name + " could not be found for the lookup", "AnsibleError");
            }
            String source;
            try {
                source = context.readText(file);
            } catch (IOException e) {
                throw new AnsibleFilterError(
                        "the template file " + name + " could not be found for the lookup", "AnsibleError");
            }
            results.add(render(context.interpreter(), source, name, file, (Map<?, ?>) templateVars));
        }
        return results;
    }

    private static String render(
            JinjavaInterpreter interpreter, String source, String name, Path file, Map<?, ?> templateVars) {
        try (var scope = interpreter.enterScope()) {
            interpreter.getContext().put("template_path", name);
            interpreter
                    .getContext()
                    .put("template_fullpath", file.toAbsolutePath().toString());
            if (templateVars != null) {
                templateVars.forEach((key, value) -> interpreter.getContext().put(PythonRepr.str(key), value));
            }
            return interpreter.render(source);
        }
    }
}
