package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JinjaTestsTest {
    @Test
    void anUndefinedVariableIsNotDefined() {
        assertThat(render("{{ missing is defined }}")).isEqualTo("False");
    }

    @Test
    void anUndefinedVariableIsUndefined() {
        assertThat(render("{{ missing is undefined }}")).isEqualTo("True");
    }

    @Test
    void aSetVariableIsDefined() {
        assertThat(render("{{ x is defined }}", Map.of("x", 0))).isEqualTo("True");
    }

    @Test
    void noneIsNone() {
        assertThat(render("{{ none is none }}")).isEqualTo("True");
    }

    @Test
    void aBooleanIsANumberAsInPython() {
        assertThat(render("{{ true is number }}")).isEqualTo("True");
    }

    @Test
    void aFloatIsNoInteger() {
        assertThat(render("{{ 1.0 is integer }}")).isEqualTo("False");
    }

    @Test
    void anIntegerIsNoBoolean() {
        assertThat(render("{{ 1 is boolean }}")).isEqualTo("False");
    }

    @Test
    void aStringIsASequence() {
        assertThat(render("{{ 'ab' is sequence }}")).isEqualTo("True");
    }

    @Test
    void aNumberIsNotIterable() {
        assertThat(render("{{ 1 is iterable }}")).isEqualTo("False");
    }

    @Test
    void aDictIsAMapping() {
        assertThat(render("{{ x is mapping }}", Map.of("x", Map.of()))).isEqualTo("True");
    }

    @Test
    void inLooksForASubstring() {
        assertThat(render("{{ 'a' is in('abc') }}")).isEqualTo("True");
    }

    @Test
    void inFindsAnIntegerKeyGivenAsAFloat() {
        assertThat(render("{{ 1.0 is in(d) }} {{ none is in(d) }}", Map.of("d", Map.of(1, "x"))))
                .isEqualTo("True False");
    }

    @Test
    void inLooksInAList() {
        assertThat(render("{{ 1 is in([1, 2]) }}")).isEqualTo("True");
    }

    @Test
    void oddAndEvenWorkOnIntegers() {
        assertThat(render("{{ 3 is odd }} {{ 4 is even }}")).isEqualTo("True True");
    }

    @Test
    void oddOfAStringIsPythonsFormattingError() {
        assertThatThrownBy(() -> render("{{ 'x' is odd }}"))
                .rootCause()
                .hasMessage("not all arguments converted during string formatting");
    }

    @Test
    void divisiblebyTakesTheDivisor() {
        assertThat(render("{{ 9 is divisibleby(3) }}")).isEqualTo("True");
    }

    @Test
    void lowerNeedsOnlyLowerCaseLetters() {
        assertThat(render("{{ 'abc1' is lower }} {{ 'aBc' is lower }}")).isEqualTo("True False");
    }

    @Test
    void eqTreatsOneAndOnePointZeroAsEqual() {
        assertThat(render("{{ 1 is eq(1.0) }}")).isEqualTo("True");
    }

    @Test
    void comparingAStringWithANumberIsPythonsTypeError() {
        assertThatThrownBy(() -> render("{{ 'a' is lt(1) }}"))
                .rootCause()
                .hasMessage("'<' not supported between instances of 'str' and 'int'");
    }

    @Test
    void selectWithAComparisonTest() {
        assertThat(render("{{ [1, 2, 3] | select('gt', 1) | list }}")).isEqualTo("[2, 3]");
    }

    @Test
    void filterTellsWhetherAFilterExists() {
        assertThat(render("{{ 'upper' is filter }} {{ 'defined' is test }}")).isEqualTo("True True");
    }

    @Test
    void filterFailsForAnUnknownNameAsAnsibleDoes() {
        assertThatThrownBy(() -> render("{{ 'nope' is filter }}"))
                .rootCause()
                .hasMessage("Could not load \"nope\": 'nope'");
    }
}
