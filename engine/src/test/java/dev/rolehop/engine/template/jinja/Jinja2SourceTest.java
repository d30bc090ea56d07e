package dev.rolehop.engine.template.jinja;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.template.Templar;
import dev.rolehop.engine.template.TemplateException;
import dev.rolehop.engine.template.UndefinedVariableException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Jinja2 syntax that Jinjava reads differently, rewritten before Jinjava parses it. */
class Jinja2SourceTest {

    private final Templar templar = new Templar(Map.of());

    @Test
    void backslashesInPrintedLiteralsAreLiteralAsAfterAnsiblesEscaping() {
        assertThat(Jinja2Source.template("{{ x | regex_replace('\\.', '\\1') }}", true)
                        .text())
                .isEqualTo("{{ x | regex_replace('\\\\.', '\\\\1') }}");
        assertThat(templar.template(
                        "{{ 'web-01.example.com' | regex_replace('^(\\w+)-(\\d+)', '\\2-\\1') }}", Map.of()))
                .isEqualTo("01-web.example.com");
    }

    @Test
    void unaryNotTakesAWholeComparisonAsInJinja2() {
        assertThat(Jinja2Source.expression("not a == b and c").text()).isEqualTo("not ( a == b )and c");
        assertThat(Jinja2Source.expression("1 not in [1]").text()).isEqualTo("1 not in [1]");
        // the values are what Jinja2 2.11 renders for the same templates
        Map<String, Object> vars = Map.of("a", 1, "b", 2, "c", true, "x", 3);
        assertThat(templar.template("= {{ not 1 == 2 }}", vars)).isEqualTo("= True");
        assertThat(templar.template("= {{ not a == b and c }}", vars)).isEqualTo("= True");
        assertThat(templar.template("= {{ [not 1 == 1, not 0] }}", vars)).isEqualTo("= [False, True]");
        assertThat(templar.template("= {{ 1 if not x == 2 else 0 }}", vars)).isEqualTo("= 1");
        assertThat(templar.template("= {{ not x | default(0) is number }}", vars))
                .isEqualTo("= False");
        assertThat(templar.template("= {{ not 1 in [1] }}", vars)).isEqualTo("= False");
        assertThat(templar.template("= {{ not not 3 > 2 }}", vars)).isEqualTo("= True");
        assertThat(templar.template("= {% if not x == 2 %}yes{% else %}no{% endif %}", vars))
                .isEqualTo("= yes");
        assertThat(templar.evaluateConditional("not x == 2", vars)).isTrue();
    }

    @Test
    void aNumberAfterADotIndexesAsInJinja2() {
        assertThat(Jinja2Source.template("{{ item.0 ~ x.1.name ~ f(a).10 ~ 1.5 ~ y.0x }}", true)
                        .text())
                .isEqualTo("{{ item[0] ~ x[1].name ~ f(a)[10] ~ 1.5 ~ y.0x }}");
        assertThat(templar.template("{{ item.1 }}", Map.of("item", List.of("a", "b"))))
                .isEqualTo("b");
    }

    @Test
    void literalsOutsidePrintStatementsUsePythonEscapes() {
        assertThat(Jinja2Source.template("{% if x == 'a\\tb' %}{% endif %}", true)
                        .text())
                .isEqualTo("{% if x == 'a\tb' %}{% endif %}");
        assertThat(Jinja2Source.expression("x is search('\\d')").text()).isEqualTo("x is search('\\\\d')");
    }

    @Test
    void aConditionalReadsAnEscapedBackslashAsOne() {
        assertThat(templar.evaluateConditional("'a1' is search('\\\\d')", Map.of()))
                .isTrue();
    }

    @Test
    void adjacentLiteralsAreJoined() {
        assertThat(templar.template("{{ 'it''s here' | quote }}", Map.of())).isEqualTo("'its here'");
        assertThat(templar.template("{{ 'a' \"b'c\" }}", Map.of())).isEqualTo("ab'c");
    }

    @Test
    void expressionLanguageKeywordsAreUsableAsVariableNames() {
        assertThat(templar.template(
                        "{{ empty | default('replaced', true) }}-{{ div }}", Map.of("empty", "", "div", 2L)))
                .isEqualTo("replaced-2");
        assertThat(templar.template("{{ 3 is eq 3 }}", Map.of())).isEqualTo(true);
        assertThat(Jinja2Source.expression("f(empty=empty) == d.empty").text())
                .isEqualTo("f(empty=__jinja2_name_empty) == d.empty");
    }

    @Test
    void anUndefinedVariableWithAKeywordNameIsNamedAsWritten() {
        assertThatThrownBy(() -> templar.template("{{ empty }}", Map.of()))
                .isInstanceOf(UndefinedVariableException.class)
                .hasMessage("'empty' is undefined");
        assertThat(templar.template("{{ empty is defined }}", Map.of())).isEqualTo(false);
    }

    @Test
    void aTestAppliesToTheWholeFilteredValue() {
        assertThat(Jinja2Source.template("{{ a ~ x | default(omit) is string }}", true)
                        .text())
                .isEqualTo("{{ a ~ (x | default(omit) ) is string }}");
        assertThat(templar.template("{{ missing | default(omit) is string }}", Map.of()))
                .isEqualTo(true);
    }

    @Test
    void commentsAndRawBlocksAreLeftAlone() {
        String text = "{# 'a''b' #}{% raw %}{{ 'a''b' }}{% endraw %}";
        assertThat(Jinja2Source.template(text, true).text()).isEqualTo(text);
    }

    @Test
    void aFilterAppliedLastToTheWholeExpressionIsFound() {
        assertThat(Jinja2Source.endsWithFilter("[1] | string", Set.of("string")))
                .isTrue();
        assertThat(Jinja2Source.endsWithFilter("'a' ~ [1] | string", Set.of("string")))
                .isFalse();
        assertThat(Jinja2Source.endsWithFilter("([1] | string)[0]", Set.of("string")))
                .isFalse();
    }

    @Test
    void theFiltersAndTestsNamedAreListedWithoutAnsiblesPrefix() {
        Jinja2Source.Rewritten source = Jinja2Source.template(
                "{{ x | ansible.builtin.to_json | d('a') is not none }}{% if y is ansible.builtin.match('z') %}{% endif %}",
                true);
        assertThat(source.filters()).containsExactlyInAnyOrder("to_json", "d");
        assertThat(source.tests()).containsExactlyInAnyOrder("none", "match");
        assertThat(templar.template("{{ 1 | ansible.builtin.to_json }}", Map.of()))
                .isEqualTo("1");
    }

    @Test
    void anUnknownFilterOrTestFailsEvenWhereItWouldNotRun() {
        assertThatThrownBy(() -> templar.template("{{ 1 if true else (2 | nosuch) }}", Map.of()))
                .isExactlyInstanceOf(TemplateException.class)
                .hasMessage("template error while templating string: Could not load \"nosuch\": 'nosuch'. "
                        + "String: {{ 1 if true else (2 | nosuch) }}. Could not load \"nosuch\": 'nosuch'");
        assertThatThrownBy(() -> templar.evaluateConditional("1 is bar", Map.of()))
                .hasMessageContaining("Could not load \"bar\": 'bar'");
    }
}
