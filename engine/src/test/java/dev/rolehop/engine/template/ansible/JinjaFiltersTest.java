package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class JinjaFiltersTest {
    @Test
    void dictsortGivesSortedTuples() {
        assertThat(render("{{ {'b': 1, 'a': 2} | dictsort }}")).isEqualTo("[('a', 2), ('b', 1)]");
    }

    @Test
    void dictsortUnpacksInALoop() {
        assertThat(render("{% for k, v in {'b': 1, 'a': 2} | dictsort %}{{ k }}={{ v }} {% endfor %}"))
                .isEqualTo("a=2 b=1 ");
    }

    @Test
    void batchDoesNotFillTheLastBatchByDefault() {
        assertThat(render("{{ [1, 2, 3, 4, 5] | batch(2) | list }}")).isEqualTo("[[1, 2], [3, 4], [5]]");
    }

    @Test
    void batchFillsWhenAsked() {
        assertThat(render("{{ [1, 2, 3] | batch(2, 0) | list }}")).isEqualTo("[[1, 2], [3, 0]]");
    }

    @Test
    void groupbyGivesSortedGrouperListTuples() {
        assertThat(render("{{ users | groupby('age') }}", Fixtures.users()))
                .isEqualTo("[(3, [{'name': 'a', 'age': 3}]), (5, [{'name': 'b', 'age': 5}])]");
    }

    @Test
    void truncateDropsTheLastWord() {
        assertThat(render("{{ 'hello world foo bar' | truncate(9) }}")).isEqualTo("hello...");
    }

    @Test
    void truncateAllowsTheLeeway() {
        assertThat(render("{{ 'hello world' | truncate(9) }}")).isEqualTo("hello world");
    }

    @Test
    void urlencodeQuotesSpacesInAString() {
        assertThat(render("{{ 'a b&c/d' | urlencode }}")).isEqualTo("a%20b%26c/d");
    }

    @Test
    void urlencodeBuildsAQueryStringFromADict() {
        assertThat(render("{{ {'a': 'b c'} | urlencode }}")).isEqualTo("a=b+c");
    }

    @Test
    void tojsonSortsKeysAndEscapesHtml() {
        assertThat(render("{{ x | tojson }}", Map.of("x", Fixtures.map("b", "<", "a", 1))))
                .isEqualTo("{\"a\": 1, \"b\": \"\\u003c\"}");
    }

    @Test
    void indentSkipsTheFirstAndBlankLines() {
        assertThat(render("{{ x | indent(2) }}", Map.of("x", "a\n\nb"))).isEqualTo("a\n\n  b");
    }

    @Test
    void indentCanIndentTheFirstLine() {
        assertThat(render("{{ x | indent(2, true) }}", Map.of("x", "a\nb"))).isEqualTo("  a\n  b");
    }

    @Test
    void itemsGivesKeyValueTuples() {
        assertThat(render("{{ {'a': 1, 'b': 2} | items | list }}")).isEqualTo("[('a', 1), ('b', 2)]");
    }

    @Test
    void itemsOfAnUndefinedValueIsEmpty() {
        assertThat(render("{{ missing | items | list }}")).isEqualTo("[]");
    }

    @Test
    void itemsOfAListIsATypeError() {
        assertThatThrownBy(() -> render("{{ [1] | items }}"))
                .rootCause()
                .hasMessage("Can only get item pairs from a mapping.");
    }
}
