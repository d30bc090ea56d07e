package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Templates here are as Jinjava receives them after the templar doubled backslashes inside
 * string literals (Ansible's {@code _escape_backslashes}), so {@code '\\\\d'} is the regex {@code \d}.
 */
class RegexFiltersTest {
    @Test
    void regexReplaceReplacesEveryMatch() {
        assertThat(render("{{ 'hello world' | regex_replace('o', '0') }}")).isEqualTo("hell0 w0rld");
    }

    @Test
    void regexReplaceExpandsNumberedAndNamedGroups() {
        assertThat(render("{{ 'hello world' | regex_replace('(?P<first>\\\\w+) (\\\\w+)', '\\\\2 \\\\g<first>') }}"))
                .isEqualTo("world hello");
    }

    @Test
    void regexReplaceReplacesEmptyMatchesAsPythonDoes() {
        assertThat(render("{{ 'abc' | regex_replace('x*', '-') }}")).isEqualTo("-a-b-c-");
    }

    @Test
    void regexReplaceKeepsADollarInTheReplacementLiteral() {
        assertThat(render("{{ 'a.b' | regex_replace('\\\\.', '$1') }}")).isEqualTo("a$1b");
    }

    @Test
    void regexReplaceCanIgnoreCase() {
        assertThat(render("{{ 'ABC' | regex_replace('b', 'x', ignorecase=true) }}"))
                .isEqualTo("AxC");
    }

    @Test
    void regexReplaceMultilineAnchorsEachLine() {
        assertThat(render("{{ x | regex_replace('^', '> ', multiline=true) }}", java.util.Map.of("x", "a\nb")))
                .isEqualTo("> a\n> b");
    }

    @Test
    void regexReplaceMultilineAnchorsAfterAFinalNewlineToo() {
        assertThat(render("{{ x | regex_replace('^', '> ', multiline=true) }}", java.util.Map.of("x", "a\n")))
                .isEqualTo("> a\n> ");
    }

    @Test
    void regexReplaceTreatsABraceThatIsNoQuantifierLiterally() {
        assertThat(render("{{ 'x{1' | regex_replace('x{', 'y') }}")).isEqualTo("y1");
    }

    @Test
    void regexReplaceMatchesUnicodeWordCharacters() {
        assertThat(render("{{ 'Ünï code' | regex_replace('\\\\w+', 'w') }}")).isEqualTo("w w");
    }

    @Test
    void regexReplaceReportsABadPattern() {
        assertThatThrownBy(() -> render("{{ 'x' | regex_replace('(', 'y') }}"))
                .rootCause()
                .isInstanceOf(AnsibleFilterError.class);
    }

    @Test
    void regexSearchGivesTheMatchedText() {
        assertThat(render("{{ 'foo' | regex_search('o+') }}")).isEqualTo("oo");
    }

    @Test
    void regexSearchGivesNoneWithoutAMatch() {
        assertThat(render("{{ 'foo' | regex_search('x') }}x")).isEqualTo("x");
    }

    @Test
    void regexSearchGivesTheRequestedGroupsAsAList() {
        assertThat(render("{{ 'foo=1 bar=2' | regex_search('(\\\\w+)=(\\\\d)', '\\\\2', '\\\\1') }}"))
                .isEqualTo("['1', 'foo']");
    }

    @Test
    void regexSearchGivesNamedGroups() {
        assertThat(render("{{ 'foo=1' | regex_search('(?P<k>\\\\w+)=', '\\\\g<k>') }}"))
                .isEqualTo("['foo']");
    }

    @Test
    void regexSearchRejectsAnArgumentThatIsNoGroup() {
        assertThatThrownBy(() -> render("{{ 'foo' | regex_search('o', 'x') }}"))
                .rootCause()
                .hasMessage("Unknown argument");
    }

    @Test
    void regexFindallGivesTuplesForSeveralGroups() {
        assertThat(render("{{ 'foo=1 bar=2' | regex_findall('(\\\\w+)=(\\\\d)') }}"))
                .isEqualTo("[('foo', '1'), ('bar', '2')]");
    }

    @Test
    void regexFindallGivesTheGroupForOneGroup() {
        assertThat(render("{{ 'foo=1 bar=2' | regex_findall('\\\\w+=(\\\\d)') }}"))
                .isEqualTo("['1', '2']");
    }

    @Test
    void regexFindallGivesWholeMatchesWithoutGroups() {
        assertThat(render("{{ 'a1b22' | regex_findall('\\\\d+') }}")).isEqualTo("['1', '22']");
    }

    @Test
    void regexEscapeEscapesPythonSpecialCharacters() {
        assertThat(render("{{ 'a.b*c' | regex_escape }}")).isEqualTo("a\\.b\\*c");
    }

    @Test
    void regexEscapeSupportsPosixBasic() {
        assertThat(render("{{ 'a.b*c' | regex_escape('posix_basic') }}")).isEqualTo("a\\.b\\*c");
    }

    @Test
    void regexEscapeRejectsAnUnknownType() {
        assertThatThrownBy(() -> render("{{ 'a' | regex_escape('perl') }}"))
                .rootCause()
                .hasMessage("Invalid regex type (perl)");
    }
}
