package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MathFiltersTest {
    @Test
    void logWithBaseTen() {
        assertThat(render("{{ 100 | log(10) }}")).isEqualTo("2.0");
    }

    @Test
    void logOfTextIsAnsiblesTypeError() {
        assertThatThrownBy(() -> render("{{ 'x' | log }}"))
                .rootCause()
                .hasMessage("log() can only be used on numbers: must be real number, not str");
    }

    @Test
    void powGivesAFloat() {
        assertThat(render("{{ 2 | pow(10) }}")).isEqualTo("1024.0");
    }

    @Test
    void rootTakesTheBase() {
        assertThat(render("{{ 9 | root }} {{ 27 | root(3) }}")).isEqualTo("3.0 3.0");
    }

    @Test
    void humanReadablePicksTheLargestUnit() {
        assertThat(render("{{ 1500000 | human_readable }}")).isEqualTo("1.43 MB");
    }

    @Test
    void humanReadableOfSmallSizesSaysBytes() {
        assertThat(render("{{ 10 | human_readable }}")).isEqualTo("10.00 Bytes");
    }

    @Test
    void humanReadableTakesAUnit() {
        assertThat(render("{{ 1048576 | human_readable(unit='G') }}")).isEqualTo("0.00 GB");
    }

    @Test
    void humanToBytesReadsASuffix() {
        assertThat(render("{{ '1.5 MB' | human_to_bytes }}")).isEqualTo("1572864");
    }

    @Test
    void humanToBytesUsesTheDefaultUnit() {
        assertThat(render("{{ '10' | human_to_bytes('M') }}")).isEqualTo("10485760");
    }

    @Test
    void humanToBytesRejectsBitsUnlessAsked() {
        assertThatThrownBy(() -> render("{{ '1Mb' | human_to_bytes }}"))
                .rootCause()
                .hasMessage("human_to_bytes() can't interpret following string: 1Mb");
    }

    @Test
    void permutationsGivesOrderedTuples() {
        assertThat(render("{{ [1, 2, 3] | permutations(2) | list }}"))
                .isEqualTo("[(1, 2), (1, 3), (2, 1), (2, 3), (3, 1), (3, 2)]");
    }

    @Test
    void combinationsGivesUnorderedTuples() {
        assertThat(render("{{ [1, 2, 3] | combinations(2) | list }}")).isEqualTo("[(1, 2), (1, 3), (2, 3)]");
    }
}
