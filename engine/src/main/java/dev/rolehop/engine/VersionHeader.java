package dev.rolehop.engine;

import dev.rolehop.engine.delegate.AnsibleSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The version and installation lines {@code rolehop play} prints at {@code -vv} and above, where
 * ansible-playbook prints {@code ansible-playbook [core 2.14.18]} and its configuration. Each line
 * tells the truth about rolehop: its own version, the ansible.cfg it read (or None), the
 * module search path and collection location where the modules it does not build in are looked
 * for (as Ansible's settings give them), the JVM and the libraries that stand in for
 * Python, Jinja2 and libyaml.
 */
final class VersionHeader {

    private VersionHeader() {}

    /** The header, one line per fact, without a trailing newline. */
    static String text(AnsibleSettings settings, java.util.Optional<Path> configFile) {
        return String.join(
                "\n",
                "rolehop play [rolehop " + version("dev.rolehop", "rolehop-engine", "(development build)") + "]",
                "  config file = " + configFile.map(Path::toString).orElse("None"),
                // rolehop's own modules are built in; these are where the others are looked for (docs/modules.md).
                "  configured module search path = " + settings.modulePathRepr(),
                "  ansible collection location = " + settings.collectionsPathText(),
                "  rolehop code location = " + codeLocation(),
                "  executable location = " + executable(),
                "  java version = " + Runtime.version() + " (" + System.getProperty("java.vendor") + ") ("
                        + Path.of(System.getProperty("java.home"), "bin", "java") + ")",
                "  jinjava version = " + version("com.hubspot.jinjava", "jinjava", "unknown"),
                "  snakeyaml version = " + version("org.yaml", "snakeyaml", "unknown"));
    }

    /** A library's version from the pom.properties Maven packs into its jar (kept in rolehop's jar). */
    private static String version(String group, String artifact, String unknown) {
        String resource = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = VersionHeader.class.getResourceAsStream(resource)) {
            if (in == null) {
                return unknown;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", unknown);
        } catch (IOException e) {
            return unknown;
        }
    }

    /** The jar (or classes folder) rolehop's engine was loaded from. */
    private static String codeLocation() {
        try {
            return Path.of(VersionHeader.class
                            .getProtectionDomain()
                            .getCodeSource()
                            .getLocation()
                            .toURI())
                    .toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The launcher that started the JVM ({@code rolehop.home} is set by {@code bin/rolehop}), else the java command. */
    private static String executable() {
        String home = System.getProperty("rolehop.home");
        if (home != null && !home.isEmpty()) {
            return Path.of(home, "bin", "rolehop").toString();
        }
        return ProcessHandle.current().info().command().orElse("unknown");
    }
}
