package dev.rolehop.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextWrapTest {

    @Test
    void warningsWrapAt79ColumnsAsAnsiblePrintsThem() {
        assertThat(TextWrap.wrap(
                        "[WARNING]: provided hosts list is empty, only localhost is available. Note that "
                                + "the implicit localhost does not match 'all'",
                        79))
                .containsExactly(
                        "[WARNING]: provided hosts list is empty, only localhost is available. Note that",
                        "the implicit localhost does not match 'all'");
    }

    @Test
    void leadingWhitespaceStaysOnTheFirstLineOnlyAsInPython() {
        assertThat(TextWrap.wrap(
                        "\n[ERROR]: No matching task \"x\" found. Note: --start-at-task can only follow "
                                + "static includes.",
                        79))
                .containsExactly(
                        " [ERROR]: No matching task \"x\" found. Note: --start-at-task can only follow",
                        "static includes.");
    }
}
