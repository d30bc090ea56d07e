package dev.rolehop.engine.delegate;

import dev.rolehop.python.Booleans;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The settings of ansible-core 2.14 that decide where modules are found and what they are told,
 * read from the environment as Ansible reads them, with the values of the run's ansible.cfg
 * already added under their variables' names ({@code AnsibleConfig#settings}): {@code ANSIBLE_LIBRARY}, {@code ANSIBLE_COLLECTIONS_PATHS}/{@code ANSIBLE_COLLECTIONS_PATH},
 * {@code ANSIBLE_HOME} and the module arguments' settings, each with Ansible's default.
 *
 * @param modulePath        {@code DEFAULT_MODULE_PATH}: the configured module search path
 * @param actionPluginPath  {@code DEFAULT_ACTION_PLUGIN_PATH}
 * @param collectionsPaths  {@code COLLECTIONS_PATHS}, in order
 * @param scanSysPath       {@code COLLECTIONS_SCAN_SYS_PATH}: whether Python's sys.path is searched for collections too
 * @param moduleIgnoreExts  {@code MODULE_IGNORE_EXTS}: file endings never taken for a module
 * @param remoteTmp         the shell's {@code remote_tmp}, as Ansible passes it ({@code ~/.ansible/tmp})
 * @param keepRemoteFiles   {@code DEFAULT_KEEP_REMOTE_FILES}
 * @param debug             {@code DEFAULT_DEBUG}
 * @param noTargetSyslog    {@code DEFAULT_NO_TARGET_SYSLOG}
 * @param stringConversionAction {@code STRING_CONVERSION_ACTION}
 * @param selinuxSpecialFs  {@code DEFAULT_SELINUX_SPECIAL_FS}
 * @param syslogFacility    {@code DEFAULT_SYSLOG_FACILITY}
 * @param deprecationWarnings {@code DEPRECATION_WARNINGS}
 * @param rolesPath         {@code DEFAULT_ROLES_PATH}: where roles are looked for after the playbook's {@code roles/}
 */
public record AnsibleSettings(
        List<Path> modulePath,
        List<Path> actionPluginPath,
        List<Path> collectionsPaths,
        boolean scanSysPath,
        List<String> moduleIgnoreExts,
        String remoteTmp,
        boolean keepRemoteFiles,
        boolean debug,
        boolean noTargetSyslog,
        String stringConversionAction,
        List<String> selinuxSpecialFs,
        String syslogFacility,
        boolean deprecationWarnings,
        List<Path> rolesPath) {

    private static final List<String> REJECT_EXTS =
            List.of(".pyc", ".pyo", ".swp", ".bak", "~", ".rpm", ".md", ".txt", ".rst");

    public AnsibleSettings {
        modulePath = List.copyOf(modulePath);
        actionPluginPath = List.copyOf(actionPluginPath);
        collectionsPaths = List.copyOf(collectionsPaths);
        moduleIgnoreExts = List.copyOf(moduleIgnoreExts);
        selinuxSpecialFs = List.copyOf(selinuxSpecialFs);
        rolesPath = List.copyOf(rolesPath);
    }

    /**
     * The settings a run with this environment has.
     *
     * @param environment the run's environment (HOME among it, for {@code ~})
     */
    public static AnsibleSettings of(Map<String, String> environment) {
        String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
        Path cwd = Path.of("").toAbsolutePath();
        String ansibleHome = expand(environment.getOrDefault("ANSIBLE_HOME", "~/.ansible"), home);
        String collections = environment.get("ANSIBLE_COLLECTIONS_PATH");
        if (collections == null) {
            collections = environment.get("ANSIBLE_COLLECTIONS_PATHS");
        }
        List<String> ignore = new ArrayList<>(REJECT_EXTS);
        ignore.addAll(List.of(".yaml", ".yml", ".ini"));
        String ignoreSetting = environment.get("ANSIBLE_MODULE_IGNORE_EXTS");
        return new AnsibleSettings(
                pathspec(
                        environment.getOrDefault(
                                "ANSIBLE_LIBRARY", ansibleHome + "/plugins/modules:/usr/share/ansible/plugins/modules"),
                        home,
                        cwd),
                pathspec(
                        environment.getOrDefault(
                                "ANSIBLE_ACTION_PLUGINS",
                                ansibleHome + "/plugins/action:/usr/share/ansible/plugins/action"),
                        home,
                        cwd),
                pathspec(
                        collections != null ? collections : ansibleHome + "/collections:/usr/share/ansible/collections",
                        home,
                        cwd),
                flag(environment, "ANSIBLE_COLLECTIONS_SCAN_SYS_PATH", true),
                ignoreSetting == null ? ignore : list(ignoreSetting),
                firstOf(environment, "~/.ansible/tmp", "ANSIBLE_REMOTE_TMP", "ANSIBLE_REMOTE_TEMP"),
                flag(environment, "ANSIBLE_KEEP_REMOTE_FILES", false),
                flag(environment, "ANSIBLE_DEBUG", false),
                flag(environment, "ANSIBLE_NO_TARGET_SYSLOG", false),
                environment.getOrDefault("ANSIBLE_STRING_CONVERSION_ACTION", "warn"),
                list(environment.getOrDefault("ANSIBLE_SELINUX_SPECIAL_FS", "fuse, nfs, vboxsf, ramfs, 9p, vfat")),
                environment.getOrDefault("ANSIBLE_SYSLOG_FACILITY", "LOG_USER"),
                flag(environment, "ANSIBLE_DEPRECATION_WARNINGS", true),
                pathspec(
                        environment.getOrDefault(
                                "ANSIBLE_ROLES_PATH",
                                ansibleHome + "/roles:/usr/share/ansible/roles:/etc/ansible/roles"),
                        home,
                        cwd));
    }

    /** The module search path as ansible-playbook's {@code -vv} header prints it (a Python list). */
    public String modulePathRepr() {
        return "["
                + String.join(", ", modulePath.stream().map(p -> "'" + p + "'").toList()) + "]";
    }

    /** The collection paths as the {@code -vv} header prints them ({@code a:b}). */
    public String collectionsPathText() {
        return String.join(":", collectionsPaths.stream().map(Path::toString).toList());
    }

    /** Ansible's {@code pathspec}: colon-separated, each with {@code ~} expanded and made absolute. */
    static List<Path> pathspec(String value, String home, Path cwd) {
        List<Path> out = new ArrayList<>();
        for (String part : value.split(":")) {
            if (part.isBlank()) {
                continue;
            }
            Path path = cwd.resolve(expand(part.strip(), home)).normalize();
            if (!out.contains(path)) {
                out.add(path);
            }
        }
        return out;
    }

    /** Python's {@code os.path.expanduser} for {@code ~} and {@code ~/...}. */
    static String expand(String path, String home) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home + path.substring(1);
        }
        return path;
    }

    private static List<String> list(String value) {
        List<String> out = new ArrayList<>();
        for (String part : value.split(",")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    private static boolean flag(Map<String, String> environment, String name, boolean fallback) {
        String value = environment.get(name);
        return value == null ? fallback : Booleans.lenient(value);
    }

    private static String firstOf(Map<String, String> environment, String fallback, String... names) {
        String value = null;
        for (String name : names) {
            // As Ansible's config manager, the last variable of the list that is set wins.
            if (environment.get(name) != null) {
                value = environment.get(name);
            }
        }
        return value == null ? fallback : value;
    }
}
