package dev.rolehop.engine.template.ansible;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ansible's {@code pipe} and {@code lines} lookups: shell commands run in the play's directory. */
final class CommandLookups {
    private CommandLookups() {}

    static Map<String, Lookup> all() {
        Map<String, Lookup> lookups = new LinkedHashMap<>();
        lookups.put("pipe", (terms, options, context) -> run("pipe", terms, options, context, false));
        lookups.put("lines", (terms, options, context) -> run("lines", terms, options, context, true));
        return lookups;
    }

    private static List<Object> run(
            String plugin, List<Object> terms, Map<String, Object> options, LookupContext context, boolean lines) {
        Lookups.accept(plugin, options);
        List<Object> result = new ArrayList<>();
        for (Object term : terms) {
            String command = PythonRepr.str(term);
            ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command)
                    .directory(context.basedir().toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            builder.environment().clear();
            builder.environment().putAll(context.environment());
            String stdout;
            int rc;
            try {
                Process process = builder.start();
                process.getOutputStream().close();
                stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                rc = process.waitFor();
            } catch (IOException e) {
                throw new AnsibleFilterError(
                        "lookup_plugin." + plugin + "(" + command + ") could not run: " + e.getMessage(),
                        "AnsibleError");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AnsibleFilterError(
                        "lookup_plugin." + plugin + "(" + command + ") was interrupted", "AnsibleError");
            }
            if (rc != 0) {
                throw new AnsibleFilterError(
                        "lookup_plugin." + plugin + "(" + command + ") returned " + rc, "AnsibleError");
            }
            if (lines) {
                if (!stdout.isEmpty()) {
                    result.addAll(List.of(stdout.split("\r\n|\n|\r")));
                }
            } else {
                result.add(stdout.stripTrailing());
            }
        }
        return result;
    }
}
