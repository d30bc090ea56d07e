package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.LazyExpression;
import dev.rolehop.engine.template.HostPatterns;
import dev.rolehop.engine.vault.Vault;
import dev.rolehop.engine.vault.VaultError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a lookup may see: the template's variables and the controller's environment, and where
 * relative files are searched ({@code ansible_search_path}, else {@code role_path} then
 * {@code playbook_dir}, else the working directory).
 *
 * @param interpreter the interpreter rendering the template (for variables)
 * @param environment the controller's environment variables
 */
record LookupContext(JinjavaInterpreter interpreter, Map<String, String> environment) {

    /**
     * Returns the variable's value, or {@link Attributes#MISSING} when it is not set. Values bound
     * lazily (Jinjava's {@link LazyExpression}, as Ansible's lazy variables) are evaluated here.
     */
    Object variable(String name) {
        var context = interpreter.getContext();
        return context.containsKey(name) ? resolved(context.get(name)) : Attributes.MISSING;
    }

    /**
     * Returns the variable as the {@code vars} lookup finds it: the template's variable, else the
     * current host's entry in {@code hostvars}.
     */
    Object hostVariable(String name) {
        Object value = variable(name);
        if (value != Attributes.MISSING) {
            return value;
        }
        if (variable("hostvars") instanceof Map<?, ?> hostvars
                && resolved(hostvars.get(resolved(variable("inventory_hostname")))) instanceof Map<?, ?> host
                && host.containsKey(name)) {
            return resolved(host.get(name));
        }
        return Attributes.MISSING;
    }

    /** Returns the names of the template's variables, in the order they were given. */
    List<String> variableNames() {
        List<String> names = new ArrayList<>();
        if (interpreter.getContext().get(Lookups.VARIABLE_NAMES_KEY) instanceof List<?> given) {
            given.forEach(name -> names.add(name.toString()));
        }
        return names;
    }

    /** Returns the inventory hosts matching a host pattern, as the run's inventory resolves it. */
    List<String> hostsMatching(String pattern) {
        Object patterns = interpreter.getContext().get(HostPatterns.CONTEXT_KEY);
        Object groups = variable("groups");
        if (!(patterns instanceof HostPatterns resolver) || !(groups instanceof Map<?, ?> byGroup)) {
            return List.of();
        }
        Map<String, List<String>> members = new java.util.LinkedHashMap<>();
        byGroup.forEach((group, hosts) -> {
            List<String> names = new ArrayList<>();
            PythonValues.iterable(resolved(hosts)).forEach(host -> names.add(PythonRepr.str(host)));
            members.put(PythonRepr.str(group), names);
        });
        return resolver.select(members, pattern);
    }

    /**
     * The text of a file a lookup reads, decrypted first when it is vault text (Ansible's
     * {@code DataLoader.get_real_file}); a vault file no secret decrypts fails the lookup.
     */
    String readText(Path file) throws IOException {
        Vault vault = interpreter.getContext().get(Lookups.VAULT_KEY) instanceof Vault given ? given : Vault.NONE;
        try {
            return strictUtf8(vault.decryptIfEncrypted(Files.readAllBytes(file), file.toString()));
        } catch (VaultError e) {
            throw new AnsibleFilterError(e.getMessage(), "ansible.parsing.vault.AnsibleVaultError");
        }
    }

    /** Decodes as {@code Files.readString} does: a file that is not UTF-8 is unreadable, not garbled. */
    private static String strictUtf8(byte[] bytes) throws IOException {
        return StandardCharsets.UTF_8
                .newDecoder()
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    private static Object resolved(Object value) {
        Object current = value;
        while (current instanceof LazyExpression lazy) {
            current = lazy.get();
        }
        return current;
    }

    /**
     * Returns the directory the task's action searches first: {@code templates}, {@code vars} or
     * {@code files} (the default, and always for {@code lookup()}), as Ansible's {@code _subdir}.
     */
    String subdir() {
        Object subdir = interpreter.getContext().get(Lookups.SUBDIR_KEY);
        return subdir instanceof String name ? name : "files";
    }

    /** Returns the base directory of the play: {@code playbook_dir}, else the working directory. */
    Path basedir() {
        Object playbookDir = variable("playbook_dir");
        return playbookDir instanceof CharSequence dir
                ? Path.of(dir.toString())
                : Path.of("").toAbsolutePath();
    }

    /** Resolves a path as Ansible's {@code path_dwim}: {@code ~} expanded, a relative one below the base directory. */
    Path path(String name) {
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        String expanded = name.startsWith("~/") || name.equals("~") ? home + name.substring(1) : name;
        return basedir().resolve(expanded).normalize();
    }

    /**
     * Finds a file as Ansible's {@code find_file_in_search_path} does: an absolute (or ~) path as
     * it is; otherwise {@code base/subdir/name} then {@code base/name} for each search path, then
     * the same in the base directory. Returns null when nothing exists.
     */
    Path find(String subdir, String name) {
        if (name.startsWith("/") || name.startsWith("~")) {
            String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
            Path path = Path.of(name.startsWith("~/") || name.equals("~") ? home + name.substring(1) : name)
                    .normalize();
            return Files.exists(path) ? path : null;
        }
        List<Path> candidates = new ArrayList<>();
        for (Path base : searchPaths()) {
            addCandidates(candidates, base, subdir, name);
        }
        addCandidates(candidates, basedir(), subdir, name);
        for (Path candidate : candidates) {
            if (Files.exists(candidate)) {
                return candidate.normalize();
            }
        }
        return null;
    }

    /** The directories {@code fileglob} searches: the search path, else the role's or play's directory. */
    List<Path> globPaths() {
        if (variable("ansible_search_path") instanceof List<?> list) {
            List<Path> paths = new ArrayList<>();
            list.forEach(item -> paths.add(Path.of(PythonRepr.str(item))));
            return paths;
        }
        return List.of(variable("role_path") instanceof CharSequence role ? Path.of(role.toString()) : basedir());
    }

    private static void addCandidates(List<Path> candidates, Path base, String subdir, String name) {
        if (!name.split("/")[0].equals(subdir)) {
            candidates.add(base.resolve(subdir).resolve(name));
        }
        candidates.add(base.resolve(name));
    }

    private List<Path> searchPaths() {
        List<Path> paths = new ArrayList<>();
        if (variable("ansible_search_path") instanceof List<?> list) {
            list.forEach(item -> paths.add(Path.of(PythonRepr.str(item))));
            return paths;
        }
        for (String name : List.of("role_path", "playbook_dir")) {
            if (variable(name) instanceof CharSequence dir) {
                paths.add(Path.of(dir.toString()));
            }
        }
        return paths;
    }
}
