package dev.rolehop.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python's bool() of each kind of value. */
class TruthTest {

    @Test
    void emptyZeroNoneAndFalseAreFalse() {
        assertThat(Arrays.asList(
                                null,
                                false,
                                0,
                                0L,
                                0.0,
                                -0.0,
                                BigInteger.ZERO,
                                BigDecimal.ZERO,
                                "",
                                List.of(),
                                Map.of(),
                                new Object[0])
                        .stream()
                        .map(Truth::of))
                .containsOnly(false);
    }

    @Test
    void everythingElseIsTrue() {
        assertThat(
                        Arrays.asList(
                                        true,
                                        1,
                                        -1L,
                                        0.5,
                                        Double.NaN,
                                        "False",
                                        "0",
                                        List.of(0),
                                        Map.of("", ""),
                                        new Object())
                                .stream()
                                .map(Truth::of))
                .containsOnly(true);
    }

    @Test
    void aPythonObjectDecidesItsOwnTruth() {
        PythonObject empty = new PythonObject() {
            @Override
            public String repr() {
                return "()";
            }

            @Override
            public String typeName() {
                return "tuple";
            }

            @Override
            public boolean truth() {
                return false;
            }
        };
        assertThat(Truth.of(empty)).isFalse();
    }
}
