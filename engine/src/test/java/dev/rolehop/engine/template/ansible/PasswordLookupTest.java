package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded expectations are what ansible-playbook 2.14 prints for the same lookups. */
class PasswordLookupTest {
    @TempDir
    Path dir;

    private String lookup(String term) {
        return render("{{ lookup('password', '" + term + "') }}", Map.of("playbook_dir", dir.toString()));
    }

    @Test
    void aSeededPasswordIsAnsibles() {
        assertThat(lookup("/dev/null length=12 seed=web1")).isEqualTo("PHReYru8meWg");
    }

    @Test
    void charsNameStringConstantsAndADoubleCommaIsAComma() {
        assertThat(render("{{ lookup('password', '/dev/null chars=digits,,,xy length=8', seed=3) }}"))
                .isEqualTo("683x2,x3");
    }

    @Test
    void aNewPasswordIsStoredPrivately() throws Exception {
        String made = lookup("creds/db.txt length=15 chars=ascii_lowercase seed=db");
        Path file = dir.resolve("creds/db.txt");
        assertThat(made).isEqualTo("kyfwbbbritgakpe");
        assertThat(Files.readString(file)).isEqualTo("kyfwbbbritgakpe\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void aStoredPasswordIsReadBackWithoutItsSalt() throws Exception {
        Files.writeString(dir.resolve("salted.txt"), "secretpw salt=abcdefgh\n");
        assertThat(lookup("salted.txt length=3")).isEqualTo("secretpw");
    }

    @Test
    void anUnseededPasswordHasTheLengthAndCharactersAsked() {
        assertThat(lookup("/dev/null length=30 chars=digits")).matches("[0-9]{30}");
        assertThat(lookup("/dev/null")).matches("[A-Za-z0-9.,:_-]{20}");
    }

    @Test
    void anUnknownParameterIsNamed() {
        assertThatThrownBy(() -> lookup("/dev/null size=3"))
                .rootCause()
                .hasMessageContaining("Unrecognized parameter(s) given to password lookup: size");
    }
}
