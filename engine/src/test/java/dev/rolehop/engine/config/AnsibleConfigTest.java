package dev.rolehop.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.error.AnsibleError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnsibleConfigTest {

    @TempDir
    Path dir;

    private Map<String, String> environment() {
        return Map.of("HOME", dir.resolve("home").toString());
    }

    @Test
    void theWorkingFoldersFileIsReadWithPathsRelativeToIt() throws Exception {
        Files.writeString(
                dir.resolve("ansible.cfg"), "[defaults]\ninventory = hosts ; comment\nroles_path = r1:~/r2\n");

        AnsibleConfig config = AnsibleConfig.find(environment(), dir);

        assertThat(config.file()).contains(dir.resolve("ansible.cfg"));
        assertThat(config.settings(Map.of()))
                .containsEntry("ANSIBLE_INVENTORY", dir.resolve("hosts").toString())
                .containsEntry("ANSIBLE_ROLES_PATH", dir.resolve("r1") + ":" + dir.resolve("home/r2"));
    }

    @Test
    void anEnvironmentVariableWinsOverTheFile() throws Exception {
        Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\ncollections_path = here\n");

        Map<String, String> settings =
                AnsibleConfig.find(environment(), dir).settings(Map.of("ANSIBLE_COLLECTIONS_PATHS", "/there"));

        assertThat(settings)
                .containsEntry("ANSIBLE_COLLECTIONS_PATHS", "/there")
                .doesNotContainKey("ANSIBLE_COLLECTIONS_PATH");
    }

    @Test
    void ansibleConfigNamingAFolderMeansItsAnsibleCfg() throws Exception {
        Path other = Files.createDirectories(dir.resolve("other"));
        Files.writeString(other.resolve("ansible.cfg"), "[defaults]\nstdout_callback = json\n");
        Files.writeString(dir.resolve("ansible.cfg"), "[defaults]\n");

        AnsibleConfig config = AnsibleConfig.find(Map.of("ANSIBLE_CONFIG", other.toString()), dir);

        assertThat(config.file()).contains(other.resolve("ansible.cfg"));
        assertThat(config.settings(Map.of())).containsEntry("ANSIBLE_STDOUT_CALLBACK", "json");
    }

    @Test
    void aWorldWritableWorkingFolderIsSkippedWithAnsiblesWarning() throws Exception {
        Path open = Files.createDirectories(dir.resolve("open"));
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(open.resolve("ansible.cfg"), "[defaults]\n");

        AnsibleConfig config = AnsibleConfig.find(environment(), open);

        assertThat(config.file()).isEmpty();
        assertThat(config.warnings())
                .singleElement()
                .asString()
                .startsWith("Ansible is being run in a world writable directory (" + open + "), ignoring it");
    }

    @Test
    void unknownKeysAndSectionsAreIgnored() throws Exception {
        Files.writeString(
                dir.resolve("ansible.cfg"),
                "[defaults]\nhost_key_checking = False\nfoo = bar\n[ssh_connection]\nx = 1\n");

        assertThat(AnsibleConfig.find(environment(), dir).settings(Map.of())).isEmpty();
    }

    @Test
    void aFileWithoutSectionHeadersIsAnError() throws Exception {
        Files.writeString(dir.resolve("ansible.cfg"), "inventory = hosts\n");

        assertThatThrownBy(() -> AnsibleConfig.find(environment(), dir))
                .isInstanceOf(AnsibleError.class)
                .hasMessageContaining("Error reading config file (" + dir.resolve("ansible.cfg")
                        + "): File contains no section headers.");
    }
}
