package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonReprTest {
    @Test
    void aListInTextRendersAsPython() {
        assertThat(render("{{ [1, 'a'] }}x")).isEqualTo("[1, 'a']x");
    }

    @Test
    void booleansRenderCapitalised() {
        assertThat(render("{{ true }}x")).isEqualTo("Truex");
    }

    @Test
    void noneRendersAsNothingInText() {
        assertThat(render("{{ none }}x")).isEqualTo("x");
    }

    @Test
    void noneInsideAListRendersAsNone() {
        assertThat(PythonRepr.of(Arrays.asList(1, null))).isEqualTo("[1, None]");
    }

    @Test
    void aDictRendersWithColons() {
        assertThat(render("{{ d }}", Map.of("d", Map.of("k", "v")))).isEqualTo("{'k': 'v'}");
    }

    @Test
    void aStringWithASingleQuoteIsDoubleQuoted() {
        assertThat(PythonRepr.repr("it's")).isEqualTo("\"it's\"");
    }

    @Test
    void aStringWithBothQuotesEscapesTheSingleOne() {
        assertThat(PythonRepr.repr("it's \"x\"")).isEqualTo("'it\\'s \"x\"'");
    }

    @Test
    void controlCharactersAreEscaped() {
        assertThat(PythonRepr.repr("a\nb\u0001")).isEqualTo("'a\\nb\\x01'");
    }

    @Test
    void nonAsciiLettersStayAsTheyAre() {
        assertThat(PythonRepr.repr("é")).isEqualTo("'é'");
    }

    @Test
    void floatsKeepAPointZero() {
        assertThat(PythonRepr.floatRepr(3.0)).isEqualTo("3.0");
    }

    @Test
    void largeFloatsUseAnExponent() {
        assertThat(PythonRepr.floatRepr(1e16)).isEqualTo("1e+16");
    }

    @Test
    void smallFloatsUseANegativeExponent() {
        assertThat(PythonRepr.floatRepr(1.5e-5)).isEqualTo("1.5e-05");
    }

    @Test
    void floatsBelowTheExponentThresholdArePlain() {
        assertThat(PythonRepr.floatRepr(123456789012345.6)).isEqualTo("123456789012345.6");
    }

    @Test
    void aOneTupleHasATrailingComma() {
        assertThat(PythonRepr.repr(PythonTuple.of(1))).isEqualTo("(1,)");
    }

    @Test
    void aSafeStringInAListPrintsAsMarkup() {
        assertThat(render("{{ ['ab' | safe] }}")).isEqualTo("[Markup('ab')]");
    }

    @Test
    void filtersTreatASafeStringAsAString() {
        assertThat(render("{{ 'a<b' | safe | length }}")).isEqualTo("3");
    }
}
