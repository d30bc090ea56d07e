package dev.rolehop.engine.template.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expected values are CPython 3.11's, printed by {@code random.Random(seed)}. */
class PythonRandomTest {

    @Test
    void aStringSeedDrawsAsPythonDraws() {
        assertThat(PythonRandom.seeded("web1").randrange(0, 100, 1)).isEqualTo(41);
    }

    @Test
    void anIntegerSeedDrawsAsPythonDraws() {
        assertThat(PythonRandom.seeded(42L).randrange(0, 1000000, 1)).isEqualTo(670487);
    }

    @Test
    void shuffleSwapsAsPythonSwaps() {
        List<Object> items = new ArrayList<>(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L));
        PythonRandom.seeded("x").shuffle(items);
        assertThat(items).containsExactly(0L, 8L, 2L, 9L, 4L, 3L, 6L, 1L, 7L, 5L);
    }

    @Test
    void aSeedIsReadAsUtf8() {
        assertThat(PythonRandom.seeded("héllo").choice(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")))
                .isEqualTo("a");
    }

    @Test
    void drawsBeyondThirtyTwoBitsTakeTwoWords() {
        assertThat(PythonRandom.seeded(new java.math.BigInteger("1180591620717411303429"))
                        .randrange(0, 1L << 62, 1))
                .isEqualTo(3596203868729388203L);
    }

    @Test
    void anEmptyRangeFailsAsPython() {
        assertThatThrownBy(() -> PythonRandom.seeded(1L).randrange(5, 5, 1))
                .hasMessage("empty range for randrange() (5, 5, 0)");
    }
}
