package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.eval;
import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TypeFiltersTest {
    @Test
    void intStripsWhitespace() {
        assertThat(eval("' 12 ' | int")).isEqualTo(12L);
    }

    @Test
    void intTruncatesADecimalString() {
        assertThat(eval("'1.9' | int")).isEqualTo(1L);
    }

    @Test
    void intGivesZeroForText() {
        assertThat(eval("'abc' | int")).isEqualTo(0L);
    }

    @Test
    void intGivesTheDefaultForText() {
        assertThat(eval("'abc' | int(7)")).isEqualTo(7L);
    }

    @Test
    void intReadsAHexPrefixWithBase16() {
        assertThat(eval("'0x1A' | int(base=16)")).isEqualTo(26L);
    }

    @Test
    void intWithBaseZeroReadsAPythonLiteral() {
        assertThat(eval("'0b101' | int(base=0)")).isEqualTo(5L);
    }

    @Test
    void intAcceptsUnderscoresBetweenDigits() {
        assertThat(eval("'1_000' | int")).isEqualTo(1000L);
    }

    @Test
    void intTurnsTrueIntoOne() {
        assertThat(eval("true | int")).isEqualTo(1L);
    }

    @Test
    void floatReadsScientificNotation() {
        assertThat(eval("'1e3' | float")).isEqualTo(1000.0);
    }

    @Test
    void floatGivesZeroForText() {
        assertThat(render("{{ 'x' | float }}")).isEqualTo("0.0");
    }

    @Test
    void stringRendersNoneAsNone() {
        assertThat(eval("none | string")).isEqualTo("None");
    }

    @Test
    void stringRendersAListAsPython() {
        assertThat(eval("[1, 'a', true] | string")).isEqualTo("[1, 'a', True]");
    }

    @Test
    void listOfADictGivesItsKeys() {
        assertThat(eval("{'a': 1} | list")).isEqualTo(List.of("a"));
    }

    @Test
    void listOfAStringGivesItsCharacters() {
        assertThat(eval("'ab' | list")).isEqualTo(List.of("a", "b"));
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertThat(eval("'héllo' | length")).isEqualTo(5L);
    }

    @Test
    void countIsAnAliasOfLength() {
        assertThat(eval("[1, 2] | count")).isEqualTo(2L);
    }

    @Test
    void lengthOfAnIntegerIsPythonsTypeError() {
        assertThatThrownBy(() -> render("{{ 5 | length }}"))
                .rootCause()
                .hasMessage("object of type 'int' has no len()")
                .isInstanceOfSatisfying(
                        AnsibleFilterError.class,
                        e -> assertThat(e.isTypeError()).isTrue());
    }

    @Test
    void firstGivesTheFirstItem() {
        assertThat(eval("[1, 2] | first")).isEqualTo(1L);
    }

    @Test
    void lastOfADictGivesTheLastKey() {
        assertThat(eval("{'a': 1} | last")).isEqualTo("a");
    }

    @Test
    void roundGivesAFloat() {
        assertThat(render("{{ 3.7 | round }}")).isEqualTo("4.0");
    }

    @Test
    void roundRoundsHalfToEven() {
        assertThat(render("{{ 2.5 | round }}")).isEqualTo("2.0");
    }

    @Test
    void roundWorksOnTheExactBinaryValue() {
        assertThat(render("{{ 2.675 | round(2) }}")).isEqualTo("2.67");
    }

    @Test
    void roundCeilRoundsUp() {
        assertThat(render("{{ 3.2 | round(method='ceil') }}")).isEqualTo("4.0");
    }

    @Test
    void roundKeepsAnInteger() {
        assertThat(render("{{ 5 | round }}")).isEqualTo("5");
    }

    @Test
    void absOfANegativeInteger() {
        assertThat(eval("(-3) | abs")).isEqualTo(3L);
    }
}
