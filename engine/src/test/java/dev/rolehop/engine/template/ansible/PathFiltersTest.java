package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.template.jinja.AnsibleEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathFiltersTest {
    @Test
    void basenameGivesTheLastComponent() {
        assertThat(render("{{ '/a/b/c.txt' | basename }}")).isEqualTo("c.txt");
    }

    @Test
    void dirnameDropsTrailingSlashesOfTheHead() {
        assertThat(render("{{ '/a/b//' | dirname }}")).isEqualTo("/a/b");
    }

    @Test
    void splitextSplitsTheLastExtension() {
        assertThat(render("{{ '/a/b/c.tar.gz' | splitext }}")).isEqualTo("('/a/b/c.tar', '.gz')");
    }

    @Test
    void splitextIgnoresALeadingDot() {
        assertThat(render("{{ '.bashrc' | splitext }}")).isEqualTo("('.bashrc', '')");
    }

    @Test
    void pathJoinRestartsAtAnAbsoluteComponent() {
        assertThat(render("{{ ['a', 'b', '/c', 'd'] | path_join }}")).isEqualTo("/c/d");
    }

    @Test
    void pathJoinRejectsANumber() {
        assertThatThrownBy(() -> render("{{ 5 | path_join }}"))
                .rootCause()
                .hasMessage("|path_join expects string or sequence, got <class 'int'> instead.");
    }

    @Test
    void relpathIsRelativeToTheStart() {
        assertThat(render("{{ '/a/b' | relpath('/a') }}")).isEqualTo("b");
    }

    @Test
    void realpathResolvesSymlinks(@TempDir Path dir) throws Exception {
        Path target = Files.createDirectory(dir.resolve("target"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), target);
        assertThat(render("{{ p | realpath }}", Map.of("p", link + "/../link/x")))
                .isEqualTo(target.toRealPath() + "/x");
    }

    @Test
    void expanduserUsesHomeFromTheEnvironment() {
        assertThat(renderWith(Map.of("HOME", "/home/u"), "{{ '~/x' | expanduser }}"))
                .isEqualTo("/home/u/x");
    }

    @Test
    void expandvarsLeavesUnsetVariablesAlone() {
        assertThat(renderWith(Map.of("A", "1"), "{{ '$A/${A}/$NOPE' | expandvars }}"))
                .isEqualTo("1/1/$NOPE");
    }

    private static String renderWith(Map<String, String> environment, String template) {
        return AnsibleEnvironment.create(environment).render(template, Map.of());
    }
}
