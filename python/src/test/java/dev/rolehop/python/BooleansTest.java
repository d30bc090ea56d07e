package dev.rolehop.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Ansible 2.14's convert_bool.boolean(), run on each value under CPython 3.11. */
class BooleansTest {

    @Test
    void trueWordsAreTrueInAnyCaseAndSurroundingSpace() {
        assertThat(Arrays.asList(" Yes ", "TRUE", "on", "y", "t", "1", 1, 1L, 1.0, true).stream()
                        .map(Booleans::strict))
                .containsOnly(true);
    }

    @Test
    void falseWordsAreFalse() {
        assertThat(Arrays.asList("Off", "no", "n", "f", "false", "0", 0, 0.0, false).stream()
                        .map(Booleans::strict))
                .containsOnly(false);
    }

    @Test
    void strictRefusesOtherValuesWithAnsiblesMessage() {
        assertThatThrownBy(() -> Booleans.strict("maybe"))
                .isInstanceOf(PythonTypeError.class)
                .hasMessage("The value 'maybe' is not a valid boolean.  Valid booleans include: "
                        + "0, 1, 'y', 'yes', 'on', '1', 'true', 't', 'n', 'no', 'off', '0', 'false', 'f'");
    }

    @Test
    void theStringOnePointZeroIsNotABoolean() {
        assertThat(Booleans.parse("1.0")).isEmpty();
    }

    @Test
    void otherNumbersAndNoneAreNotBooleans() {
        assertThat(Arrays.asList(2, 0.5, null).stream().map(Booleans::parse)).allMatch(java.util.Optional::isEmpty);
    }

    @Test
    void strictNamesNoneAsPythonPrintsIt() {
        assertThatThrownBy(() -> Booleans.strict(null))
                .hasMessageStartingWith("The value 'None' is not a valid boolean.");
    }

    @Test
    void lenientTakesEverythingElseAsFalse() {
        assertThat(Arrays.asList("maybe", 2, null, "1.0").stream().map(Booleans::lenient))
                .containsOnly(false);
    }
}
