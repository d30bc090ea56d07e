package dev.rolehop.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextWrapTest {

    @Test
    void warningsWrapAt79ColumnsAsAnsiblePrintsThem() {
        assertThat(TextWrap.wrap("[WARNING]: provided hosts list is empty, only localhost is available. Note that "
                + "the implicit localhost does not match 'all'", 79)).containsExactly(
                "[WARNING]: provided hosts list is empty, only localhost is available. Note that",
                "the implicit localhost does not match 'all'");
    }
}
