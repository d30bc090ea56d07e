package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathTestsTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryIsADirectoryAndNoFile() {
        assertThat(render("{{ p is directory }} {{ p is file }}", Map.of("p", dir.toString())))
                .isEqualTo("True False");
    }

    @Test
    void aRegularFileIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThat(render("{{ p is file }} {{ p is is_file }}", Map.of("p", file.toString())))
                .isEqualTo("True True");
    }

    @Test
    void aMissingPathDoesNotExist() {
        assertThat(render("{{ p is exists }}", Map.of("p", dir.resolve("nope").toString())))
                .isEqualTo("False");
    }

    @Test
    void aDanglingLinkExistsOnlyAsALink() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("l"), dir.resolve("nope"));
        assertThat(render("{{ p is exists }} {{ p is link_exists }} {{ p is link }}", Map.of("p", link.toString())))
                .isEqualTo("False True True");
    }

    @Test
    void absChecksForALeadingSlash() {
        assertThat(render("{{ '/tmp' is abs }} {{ 'tmp' is abs }}")).isEqualTo("True False");
    }

    @Test
    void sameFileSeesThroughDotDot() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThat(render(
                        "{{ a is same_file(b) }}",
                        Map.of("a", file.toString(), "b", dir + "/../" + dir.getFileName() + "/f")))
                .isEqualTo("True");
    }

    @Test
    void theRootIsAMount() {
        assertThat(render("{{ '/' is mount }}")).isEqualTo("True");
    }
}
