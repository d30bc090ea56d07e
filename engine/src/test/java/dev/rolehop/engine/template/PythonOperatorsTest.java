package dev.rolehop.engine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Operators and indexing on strings and lists work as in Python, where Jinjava's EL differs. */
class PythonOperatorsTest {

    private final Templar templar = new Templar(Map.of());

    private Object render(String template) {
        return templar.template(template, Map.of());
    }

    @Test
    void aStringTimesAnIntegerRepeatsIt() {
        assertThat(render("{{ 'x' * 3 }}")).isEqualTo("xxx");
        assertThat(render("{{ 2 * 'ab' }}")).isEqualTo("abab");
        assertThat(render("{{ '3' * 2 }}")).isEqualTo("33");
    }

    @Test
    void aListTimesAnIntegerRepeatsIt() {
        assertThat(render("{{ [1, 'a'] * 2 }}")).isEqualTo(List.of(1L, "a", 1L, "a"));
    }

    @Test
    void numbersStillMultiply() {
        assertThat(render("{{ 2 * 3 }} {{ 2.5 * 2 }}")).isEqualTo("6 5.0");
    }

    @Test
    void aStringIsIndexedByCharacterFromEitherEnd() {
        assertThat(render("{{ 'abc'[0] }}{{ 'abc'[-1] }}{{ 'abc'[1:] }}")).isEqualTo("acbc");
    }

    @Test
    void anIndexPastTheEndOfAStringIsUndefined() {
        assertThatThrownBy(() -> render("{{ 'abc'[7] }}"))
                .isInstanceOf(UndefinedVariableException.class)
                .hasMessage("str object has no element 7");
    }
}
