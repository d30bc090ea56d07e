package dev.rolehop.engine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplarTest {

    private final Templar templar = new Templar(Map.of());

    private Object render(String template, Map<String, Object> vars) {
        return templar.template(template, vars);
    }

    @Test
    void aSingleExpressionKeepsItsListType() {
        assertThat(render("{{ [1, n] }}", Map.of("n", 3L))).isEqualTo(List.of(1L, 3L));
    }

    @Test
    void arithmeticResultsBecomeTextAsInAnsible214() {
        assertThat(render("{{ n + 1 }}", Map.of("n", 3L))).isEqualTo("4");
    }

    @Test
    void aLoneVariableKeepsItsNumberAndBoolean() {
        assertThat(render("{{ n }}", Map.of("n", 3L))).isEqualTo(3L);
        assertThat(render("{{ flag }}", Map.of("flag", true))).isEqualTo(true);
    }

    @Test
    void mixedTextRendersValuesAsPythonStr() {
        assertThat(render("x={{ flag }} {{ items }}", Map.of("flag", true, "items", List.of("a", 1L))))
                .isEqualTo("x=True ['a', 1]");
    }

    @Test
    void textThatReadsAsADictBecomesADict() {
        assertThat(render("{{ '{' }}'k': 1}", Map.of())).isEqualTo(Map.of("k", 1L));
    }

    @Test
    void anUndefinedVariableIsNamed() {
        assertThatThrownBy(() -> render("{{ missing }}", Map.of()))
                .isInstanceOf(UndefinedVariableException.class)
                .hasMessage("'missing' is undefined");
    }

    @Test
    void aMissingKeyIsWordedAsJinja2() {
        assertThatThrownBy(() -> render("{{ d.zz }}", Map.of("d", Map.of("a", 1L))))
                .hasMessage("'dict object' has no attribute 'zz'");
    }

    @Test
    void aNoneVariableIsDefined() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("n", null);

        assertThat(render("{{ n }}", vars)).isNull();
    }

    @Test
    void omitDropsTheKeyItIsGivenTo() {
        Object rendered = templar.template(Map.of("a", "{{ omit }}", "b", "x"), Map.of());

        assertThat(rendered).isEqualTo(Map.of("b", "x"));
        assertThat(render("{{ omit }}", Map.of())).isSameAs(Templar.OMIT);
    }

    @Test
    void variablesThatAreTemplatesRenderWhenRead() {
        Map<String, Object> vars = Map.of("greeting", "hello {{ who }}", "who", "world");

        assertThat(render("{{ greeting }}!", vars)).isEqualTo("hello world!");
    }

    @Test
    void aVariableThatNeedsItselfIsReportedAsARecursiveLoop() {
        assertThatThrownBy(() -> render("{{ a }}", Map.of("a", "{{ a }}")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("recursive loop detected in template string: {{ a }}");
    }

    @Test
    void theStringFalseIsTrueInAConditionLikeAnsible() {
        assertThat(templar.evaluateConditional("sts", Map.of("sts", "false"))).isTrue();
        assertThat(templar.evaluateConditional("sts", Map.of("sts", false))).isFalse();
    }

    @Test
    void aListOfConditionsMustAllHold() {
        assertThat(templar.evaluateConditional(List.of("a > 1", "a < 3"), Map.of("a", 2L)))
                .isTrue();
        assertThat(templar.evaluateConditional(List.of("a > 1", "a < 2"), Map.of("a", 2L)))
                .isFalse();
    }

    @Test
    void isDefinedGuardsAnUndefinedVariable() {
        assertThat(templar.evaluateConditional("missing is defined", Map.of())).isFalse();
    }

    @Test
    void aConditionalsErrorsNameTheIfStatementAnsibleTemplatesItAs() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("nothing", null);
        assertThatThrownBy(() -> templar.evaluateConditional("nothing | length == 1", vars))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Unexpected templating type error occurred on ({% if nothing | length == 1 %} True "
                        + "{% else %} False {% endif %}): object of type 'NoneType' has no len(). "
                        + "object of type 'NoneType' has no len()");
        assertThatThrownBy(() -> templar.evaluateConditional("1 +", Map.of()))
                .hasMessageContaining("String: {% if 1 + %} True {% else %} False {% endif %}");
    }

    @Test
    void aTrailingNewlineDoesNotMakeOneExpressionTwo() {
        Map<String, Object> vars = Map.of("d", Map.of("k", 1L), "x", "[1, 2]");
        assertThat(render("{{ d | to_nice_json }}\n", vars)).isEqualTo("{\n    \"k\": 1\n}\n");
        assertThat(render("{{ x }}\n", vars)).isEqualTo(List.of(1L, 2L));
        assertThat(render("{{ 'a' }}\n\n", vars)).isEqualTo("a\n\n");
    }
}
