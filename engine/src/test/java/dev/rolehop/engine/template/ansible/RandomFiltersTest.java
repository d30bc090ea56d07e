package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.eval;
import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Seeded expectations are what ansible-playbook 2.14 prints for the same templates. */
class RandomFiltersTest {
    @Test
    void aSeededRandomIntegerIsAnsibles() {
        assertThat(render("{{ 60 | random(seed='localhost') }} {{ 100 | random(start=1, step=10, seed='web1') }}"))
                .isEqualTo("42 51");
    }

    @Test
    void aSeededRandomItemIsAnsibles() {
        assertThat(render("{{ ['a', 'b', 'c', 'd'] | random(seed='x') }}")).isEqualTo("c");
    }

    @Test
    void aSeededShuffleIsAnsibles() {
        assertThat(render("{{ range(10) | list | shuffle(seed='x') }}")).isEqualTo("[0, 8, 2, 9, 4, 3, 6, 1, 7, 5]");
        assertThat(eval("['a', 'b', 'c'] | shuffle(seed=7)")).isEqualTo(List.of("c", "a", "b"));
    }

    @Test
    void anUnseededRandomStaysInItsRange() {
        for (int i = 0; i < 50; i++) {
            assertThat((Long) eval("10 | random(start=5)")).isBetween(5L, 9L);
        }
    }

    @Test
    void startWithAListIsRefused() {
        assertThatThrownBy(() -> render("{{ [1, 2] | random(start=1) }}"))
                .rootCause()
                .hasMessage("start and step can only be used with integer values");
    }

    @Test
    void shuffleOfANumberGivesItBack() {
        assertThat(render("{{ 5 | shuffle }}")).isEqualTo("5");
    }
}
