package dev.rolehop.engine.config;

import static dev.rolehop.engine.config.Setting.Type.PATH;
import static dev.rolehop.engine.config.Setting.Type.PATHLIST;
import static dev.rolehop.engine.config.Setting.Type.PATHSPEC;
import static dev.rolehop.engine.config.Setting.Type.STRING;

import dev.rolehop.engine.error.AnsibleError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ansible.cfg of a run, found as ansible-core 2.14 finds it, and the settings rolehop reads
 * from it. The first readable file wins: {@code $ANSIBLE_CONFIG} (a folder means its
 * {@code ansible.cfg}), {@code ./ansible.cfg} unless the working folder is world-writable (then
 * Ansible's warning), {@code ~/.ansible.cfg}, {@code /etc/ansible/ansible.cfg}. An environment
 * variable of a setting wins over the file; keys rolehop does not read are ignored, as Ansible
 * ignores keys it does not know ({@code host_key_checking} means nothing for local runs).
 */
public final class AnsibleConfig {

    private static final String WORLD_WRITABLE = "Ansible is being run in a world writable directory (%s), ignoring"
            + " it as an ansible.cfg source. For more information see"
            + " https://docs.ansible.com/ansible/devel/reference_appendices/config.html#cfg-in-world-writable-dir";

    /** The settings rolehop reads, each under the environment variable rolehop's code reads. */
    private static final List<Setting> SETTINGS = List.of(
            Setting.of("ANSIBLE_INVENTORY", "defaults", "inventory", PATHLIST),
            Setting.of("ANSIBLE_ROLES_PATH", "defaults", "roles_path", PATHSPEC),
            Setting.of("ANSIBLE_LIBRARY", "defaults", "library", PATHSPEC),
            Setting.of("ANSIBLE_ACTION_PLUGINS", "defaults", "action_plugins", PATHSPEC),
            new Setting(
                    List.of("ANSIBLE_COLLECTIONS_PATH", "ANSIBLE_COLLECTIONS_PATHS"),
                    "defaults",
                    List.of("collections_paths", "collections_path"),
                    PATHSPEC),
            Setting.of("ANSIBLE_COLLECTIONS_SCAN_SYS_PATH", "defaults", "collections_scan_sys_path", STRING),
            Setting.of("ANSIBLE_HOME", "defaults", "home", PATH),
            Setting.of("ANSIBLE_STDOUT_CALLBACK", "defaults", "stdout_callback", STRING),
            Setting.of("ANSIBLE_DEPRECATION_WARNINGS", "defaults", "deprecation_warnings", STRING),
            Setting.of("ANSIBLE_LOCALHOST_WARNING", "defaults", "localhost_warning", STRING),
            Setting.of("ANSIBLE_INVENTORY_UNPARSED_WARNING", "inventory", "inventory_unparsed_warning", STRING),
            Setting.of("ANSIBLE_VAULT_PASSWORD_FILE", "defaults", "vault_password_file", PATH),
            Setting.of("ANSIBLE_VAULT_IDENTITY_LIST", "defaults", "vault_identity_list", STRING),
            Setting.of("ANSIBLE_VAULT_IDENTITY", "defaults", "vault_identity", STRING),
            Setting.of("ANSIBLE_VAULT_ID_MATCH", "defaults", "vault_id_match", STRING),
            Setting.of("ANSIBLE_ASK_VAULT_PASS", "defaults", "ask_vault_pass", STRING));

    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)|\\$\\{(\\w+)\\}");

    private final Path file;
    private final Map<String, String> values;
    private final List<String> warnings;

    private AnsibleConfig(Path file, Map<String, String> values, List<String> warnings) {
        this.file = file;
        this.values = Map.copyOf(values);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Finds and reads the run's ansible.cfg.
     *
     * @throws AnsibleError when the file found cannot be read as an INI file
     */
    public static AnsibleConfig find(Map<String, String> environment, Path cwd) {
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        List<Path> candidates = new ArrayList<>();
        Path fromEnvironment = null;
        if (environment.containsKey("ANSIBLE_CONFIG")) {
            fromEnvironment = unfrack(environment.get("ANSIBLE_CONFIG"), home, environment, cwd);
            if (Files.isDirectory(fromEnvironment)) {
                fromEnvironment = fromEnvironment.resolve("ansible.cfg");
            }
            candidates.add(fromEnvironment);
        }
        boolean skippedPublic = false;
        Path local = cwd.resolve("ansible.cfg");
        if (worldWritable(cwd)) {
            skippedPublic = Files.exists(local);
        } else {
            candidates.add(local);
        }
        candidates.add(unfrack("~/.ansible.cfg", home, environment, cwd));
        candidates.add(Path.of("/etc/ansible/ansible.cfg"));
        Path chosen = candidates.stream()
                .filter(p -> Files.exists(p) && Files.isReadable(p))
                .findFirst()
                .orElse(null);
        List<String> warnings = new ArrayList<>();
        if (skippedPublic && (fromEnvironment == null || !fromEnvironment.equals(chosen))) {
            warnings.add(String.format(WORLD_WRITABLE, cwd));
        }
        return new AnsibleConfig(chosen, chosen == null ? Map.of() : read(chosen, home, environment), warnings);
    }

    /** The file read, if any. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** What finding the file has to say ({@code [WARNING]}s). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The settings of the run under their environment variable names: the environment as it is,
     * plus the file's value of each setting the environment does not set.
     */
    public Map<String, String> settings(Map<String, String> environment) {
        Map<String, String> out = new LinkedHashMap<>(environment);
        for (Setting setting : SETTINGS) {
            String name = setting.variables().get(0);
            boolean setByEnvironment = setting.variables().stream().anyMatch(environment::containsKey);
            if (!setByEnvironment && values.containsKey(name)) {
                out.put(name, values.get(name));
            }
        }
        return out;
    }

    private static Map<String, String> read(Path file, String home, Map<String, String> environment) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AnsibleError("Error reading config file (" + file + "): " + e.getMessage());
        }
        Map<String, Map<String, String>> sections = IniFile.parse(text, file.toString());
        Map<String, String> values = new LinkedHashMap<>();
        for (Setting setting : SETTINGS) {
            Map<String, String> section = sections.getOrDefault(setting.section(), Map.of());
            for (String key : setting.keys()) {
                if (section.containsKey(key)) {
                    values.put(
                            setting.variables().get(0),
                            resolve(section.get(key), setting.type(), file.getParent(), home, environment));
                }
            }
        }
        return values;
    }

    /** A value as Ansible's config manager resolves a file's value of its type: paths against the file's folder. */
    private static String resolve(String value, Setting.Type type, Path dir, String home, Map<String, String> env) {
        return switch (type) {
            case STRING -> value;
            case PATH -> unfrack(value, home, env, dir).toString();
            case PATHSPEC, PATHLIST -> {
                String separator = type == PATHSPEC ? ":" : ",";
                List<String> parts = new ArrayList<>();
                for (String part : value.split(separator)) {
                    if (!part.isBlank()) {
                        parts.add(unfrack(part.strip(), home, env, dir).toString());
                    }
                }
                yield String.join(separator, parts);
            }
        };
    }

    /** Ansible's {@code unfrackpath}: variables and {@code ~} expanded, made absolute against {@code base}, normalized. */
    public static Path unfrack(String value, String home, Map<String, String> environment, Path base) {
        Matcher matcher = VARIABLE.matcher(value);
        StringBuilder expanded = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
            String replacement = environment.containsKey(name) ? environment.get(name) : matcher.group();
            matcher.appendReplacement(expanded, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(expanded);
        String path = expanded.toString();
        if (path.equals("~")) {
            path = home;
        } else if (path.startsWith("~/")) {
            path = home + path.substring(1);
        }
        return base.resolve(path).toAbsolutePath().normalize();
    }

    private static boolean worldWritable(Path dir) {
        try {
            return Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_WRITE);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
