package dev.rolehop.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.error.ParseError;
import dev.rolehop.engine.error.Position;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlTextTest {

    @TempDir
    Path dir;

    @Test
    void aControlCharacterIsReportedAsLibyamlReportsItWithItsBytePosition() {
        assertThatThrownBy(() -> YamlLoader.load("# é\nmsg: \"a\u0007b\"\n", "<string>"))
                .isInstanceOf(ParseError.class)
                .hasMessage("We were unable to read either as JSON nor YAML, these are the errors we got from each:\n"
                        + "JSON: Expecting value: line 1 column 1 (char 0)\n\n"
                        + "Syntax Error while loading YAML.\n"
                        + "  . unacceptable character #x0007: control characters are not allowed\n"
                        + "  in \"<unicode string>\", position 12");
    }

    @Test
    void aControlCharacterInAFileIsLocatedByLineAndColumn() throws Exception {
        Path file = dir.resolve("vars.yml");
        Files.writeString(file, "a: 1\nb: \"x\u0000y\"\n");

        assertThatThrownBy(() -> YamlLoader.load(file)).isInstanceOfSatisfying(ParseError.class, e -> {
            assertThat(e.position()).isEqualTo(new Position(file.toString(), 2, 6));
            assertThat(e.describe()).contains("unacceptable character #x0000").contains("line 2, column 6");
        });
    }

    @Test
    void tabsLineEndsAndCharactersBeyondTheBasicPlaneAreAccepted() {
        assertThat(YamlLoader.load("a: \"x\ty\u00a0\uD83D\uDE00\"\r\n", "<string>"))
                .isNotNull();
    }

    @Test
    void aFileThatIsNotUtf8FailsAtTheLineAndColumnOfItsFirstBadByte() throws Exception {
        Path file = dir.resolve("play.yml");
        byte[] head = "- hosts: localhost\n  vars:\n    a: \"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xff;
        bytes[head.length + 1] = '"';
        Files.write(file, bytes);

        assertThatThrownBy(() -> YamlLoader.load(file))
                .isInstanceOf(ParseError.class)
                .hasMessage("Could not read '" + file + "': it is not UTF-8 text (byte #xff at line 3, column 9)");
    }
}
