package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StringFiltersTest {
    @Test
    void upperWorksOnNonStrings() {
        assertThat(render("{{ true | upper }}")).isEqualTo("TRUE");
    }

    @Test
    void capitalizeLowersTheRest() {
        assertThat(render("{{ 'hELLO wORLD' | capitalize }}")).isEqualTo("Hello world");
    }

    @Test
    void titleCapitalizesAfterDashesAndBrackets() {
        assertThat(render("{{ 'hello-wORLD (x)' | title }}")).isEqualTo("Hello-World (X)");
    }

    @Test
    void replaceHonoursTheCount() {
        assertThat(render("{{ 'aaa' | replace('a', 'b', 2) }}")).isEqualTo("bba");
    }

    @Test
    void replaceOfTheEmptyStringInsertsBetweenCharacters() {
        assertThat(render("{{ 'abc' | replace('', '-') }}")).isEqualTo("-a-b-c-");
    }

    @Test
    void trimStripsWhitespace() {
        assertThat(render("[{{ '  x  ' | trim }}]")).isEqualTo("[x]");
    }

    @Test
    void trimStripsTheGivenCharacters() {
        assertThat(render("{{ 'xxhixx' | trim('x') }}")).isEqualTo("hi");
    }

    @Test
    void splitWithoutSeparatorSplitsOnWhitespaceRuns() {
        assertThat(render("{{ ' a  b c ' | split }}")).isEqualTo("['a', 'b', 'c']");
    }

    @Test
    void splitKeepsEmptyFields() {
        assertThat(render("{{ 'a,b,,c' | split(',') }}")).isEqualTo("['a', 'b', '', 'c']");
    }

    @Test
    void splitHonoursMaxsplit() {
        assertThat(render("{{ 'a b c' | split(' ', 1) }}")).isEqualTo("['a', 'b c']");
    }

    @Test
    void splitRejectsAnEmptySeparator() {
        assertThatThrownBy(() -> render("{{ 'a' | split('') }}")).rootCause().hasMessage("empty separator");
    }

    @Test
    void quoteLeavesSafeWordsAlone() {
        assertThat(render("{{ 'a/b-c.d' | quote }}")).isEqualTo("a/b-c.d");
    }

    @Test
    void quoteWrapsSingleQuotesAsShlexDoes() {
        assertThat(render("{{ \"it's\" | quote }}")).isEqualTo("'it'\"'\"'s'");
    }

    @Test
    void quoteOfTheEmptyStringIsTwoQuotes() {
        assertThat(render("{{ '' | quote }}")).isEqualTo("''");
    }
}
