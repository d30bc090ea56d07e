package dev.rolehop.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.engine.error.OptionError;
import dev.rolehop.engine.error.ParseError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtraVarsTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void laterValuesWinAndEachFormKeepsItsTypes() throws IOException {
        Path file = dir.resolve("extra.yml");
        Files.writeString(file, "from_file: [1, 2]\n");

        Map<String, Object> vars = ExtraVars.parse(
                List.of(
                        "a=1 b=\"two words\"",
                        "{\"c\": [1, \"x\"], \"later\": \"first\"}",
                        "{d: {k: v}}",
                        "@" + file,
                        "later=second"),
                warnings::add);

        assertThat(vars)
                .containsEntry("a", "1")
                .containsEntry("b", "two words")
                .containsEntry("c", List.of(1, "x"))
                .containsEntry("d", Map.of("k", "v"))
                .containsEntry("from_file", List.of(1, 2))
                .containsEntry("later", "second");
    }

    @Test
    void aMissingAtFileIsAnErrorWordedAsAnsiblesWithExitCode1() {
        Path missing = dir.resolve("missing-vars.yml");

        assertThatThrownBy(() -> ExtraVars.parse(List.of("@" + missing), warnings::add))
                .isExactlyInstanceOf(AnsibleError.class)
                .hasMessage(
                        "Unable to retrieve file contents\nCould not find or access '" + missing + "' on the Ansible "
                                + "Controller.\nIf you are using a module and expect the file to exist on the remote, see the "
                                + "remote_src option")
                .satisfies(e -> assertThat(Engine.exitCode((AnsibleError) e)).isEqualTo(1));
    }

    @Test
    void exitCodesFollowAnsiblePlaybook() {
        assertThat(Engine.exitCode(new OptionError("bad option"))).isEqualTo(5);
        assertThat(Engine.exitCode(new ParseError("bad yaml", null))).isEqualTo(4);
        assertThat(Engine.exitCode(new AnsibleError("other"))).isEqualTo(1);
    }
}
