package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class GlobalsTest {
    @Test
    void dictBuildsFromKeywords() {
        assertThat(render("{{ dict(a=1, b=2) }}")).isEqualTo("{'a': 1, 'b': 2}");
    }

    @Test
    void dictBuildsFromZippedPairs() {
        assertThat(render("{{ dict(['a', 'b'] | zip([1, 2])) }}")).isEqualTo("{'a': 1, 'b': 2}");
    }

    @Test
    void dictRejectsPairsOfTheWrongLength() {
        assertThatThrownBy(() -> render("{{ dict([[1, 2, 3]]) }}"))
                .rootCause()
                .hasMessage("dictionary update sequence element #0 has length 3; 2 is required");
    }

    @Test
    void rangeIsAvailable() {
        assertThat(render("{{ range(1, 10, 3) | list }}")).isEqualTo("[1, 4, 7]");
    }
}
