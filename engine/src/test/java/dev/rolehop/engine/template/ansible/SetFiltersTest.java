package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SetFiltersTest {
    @Test
    void flattenFlattensFullyAndSkipsNulls() {
        assertThat(render("{{ [1, [2, [3, none, 'None']]] | flatten }}")).isEqualTo("[1, 2, 3]");
    }

    @Test
    void flattenHonoursLevels() {
        assertThat(render("{{ [1, [2, [3]]] | flatten(1) }}")).isEqualTo("[1, 2, [3]]");
    }

    @Test
    void flattenCanKeepNulls() {
        assertThat(render("{{ [1, [none]] | flatten(skip_nulls=false) }}")).isEqualTo("[1, None]");
    }

    @Test
    void zipPairsItemsAsTuples() {
        assertThat(render("{{ [1, 2] | zip(['a', 'b']) | list }}")).isEqualTo("[(1, 'a'), (2, 'b')]");
    }

    @Test
    void zipStopsAtTheShortestList() {
        assertThat(render("{{ [1, 2, 3] | zip(['a']) | list }}")).isEqualTo("[(1, 'a')]");
    }

    @Test
    void zipLongestFillsWithTheFillValue() {
        assertThat(render("{{ [1, 2, 3] | zip_longest(['a'], fillvalue='-') | list }}"))
                .isEqualTo("[(1, 'a'), (2, '-'), (3, '-')]");
    }

    @Test
    void productGivesEveryCombination() {
        assertThat(render("{{ [1, 2] | product(['a']) | list }}")).isEqualTo("[(1, 'a'), (2, 'a')]");
    }

    @Test
    void productTakesRepeat() {
        assertThat(render("{{ [1, 2] | product(repeat=2) | list }}")).isEqualTo("[(1, 1), (1, 2), (2, 1), (2, 2)]");
    }

    @Test
    void intersectKeepsTheOrderOfTheFirstList() {
        assertThat(render("{{ [3, 1, 2] | intersect([2, 3]) }}")).isEqualTo("[3, 2]");
    }

    @Test
    void differenceRemovesItemsOfTheSecondListAndDuplicates() {
        assertThat(render("{{ [3, 1, 2, 3] | difference([2]) }}")).isEqualTo("[3, 1]");
    }

    @Test
    void unionAppendsNewItems() {
        assertThat(render("{{ [3, 1] | union([1, 4]) }}")).isEqualTo("[3, 1, 4]");
    }

    @Test
    void symmetricDifferenceKeepsItemsInOnlyOneList() {
        assertThat(render("{{ [3, 1] | symmetric_difference([1, 4]) }}")).isEqualTo("[3, 4]");
    }
}
