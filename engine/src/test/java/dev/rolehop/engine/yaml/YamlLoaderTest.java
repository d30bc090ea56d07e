package dev.rolehop.engine.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.error.ParseError;
import dev.rolehop.engine.error.Position;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class YamlLoaderTest {

    @Test
    void yesAndOffAreBooleansAsInYaml11() {
        Object data = YamlLoader.load("a: yes\nb: off\nc: 'yes'\n", "<string>");

        assertThat((Map<Object, Object>) data)
                .containsEntry("a", true)
                .containsEntry("b", false)
                .containsEntry("c", "yes");
    }

    @Test
    void mappingsRememberTheirLineAndColumn() {
        Object data = YamlLoader.load("- hosts: localhost\n  tasks:\n    - debug: msg=hi\n", "play.yml");

        YamlMap play = (YamlMap) ((List<?>) data).get(0);
        YamlMap task = (YamlMap) ((List<?>) play.get("tasks")).get(0);
        assertThat(task.position()).isEqualTo(new Position("play.yml", 3, 7));
        assertThat(play.positionOf("tasks")).isEqualTo(new Position("play.yml", 2, 3));
    }

    @Test
    void timestampsStayStringsAsAnsibleReadsThem() {
        Object data = YamlLoader.load("when: 2024-01-02\n", "<string>");

        assertThat((Map<Object, Object>) data).containsEntry("when", "2024-01-02");
    }

    @Test
    void syntaxErrorsAreWordedAsLibyamlAndAnsibleWordThem() {
        assertThatThrownBy(() -> YamlLoader.load("- hosts: localhost\n  tasks:\n    - debug: msg: hi\n", "<string>"))
                .isInstanceOf(ParseError.class)
                .hasMessageStartingWith("We were unable to read either as JSON nor YAML, these are the errors we got "
                        + "from each:\nJSON: Expecting value: line 1 column 1 (char 0)\n\nSyntax Error while loading "
                        + "YAML.\n  mapping values are not allowed in this context\n\nThe error appears to be in "
                        + "'<string>': line 3, column 17");
    }
}
