package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Fixtures.users;
import static dev.rolehop.engine.template.ansible.Render.eval;
import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SequenceFiltersTest {
    @Test
    void mapWithAttributeTakesThatKeyOfEachItem() {
        assertThat(eval("users | map(attribute='name') | list", users())).isEqualTo(List.of("a", "b"));
    }

    @Test
    void mapWithAMissingAttributeIsAnUndefinedError() {
        assertThatThrownBy(() -> render("{{ users | map(attribute='zz') | list }}", users()))
                .rootCause()
                .hasMessage("'dict object' has no attribute 'zz'");
    }

    @Test
    void mapWithAttributeUsesTheDefaultForMissingKeys() {
        assertThat(render("{{ users | map(attribute='zz', default=0) | list }}", users()))
                .isEqualTo("[0, 0]");
    }

    @Test
    void mapWithAFilterNameAppliesThatFilter() {
        assertThat(render("{{ [1, 'a'] | map('string') | list }}")).isEqualTo("['1', 'a']");
    }

    @Test
    void mapPassesExtraArgumentsToTheFilter() {
        assertThat(render("{{ ['a-b', 'c-d'] | map('replace', '-', '+') | list }}"))
                .isEqualTo("['a+b', 'c+d']");
    }

    @Test
    void mapWithAnUnknownFilterFails() {
        assertThatThrownBy(() -> render("{{ [1] | map('nosuch') | list }}"))
                .rootCause()
                .hasMessage("Could not load \"nosuch\": 'nosuch'");
    }

    @Test
    void selectattrWithATestKeepsMatchingItems() {
        assertThat(render("{{ users | selectattr('age', '>', 3) | map(attribute='name') | join(',') }}", users()))
                .isEqualTo("b");
    }

    @Test
    void rejectattrDropsMatchingItems() {
        assertThat(render("{{ users | rejectattr('age', 'equalto', 3) | map(attribute='name') | list }}", users()))
                .isEqualTo("['b']");
    }

    @Test
    void selectattrTreatsAMissingAttributeAsUndefined() {
        assertThat(render("{{ users | selectattr('zz', 'defined') | list }}", users()))
                .isEqualTo("[]");
    }

    @Test
    void selectattrWithoutATestFailsOnAMissingAttribute() {
        assertThatThrownBy(() -> render("{{ users | selectattr('zz') | list }}", users()))
                .rootCause()
                .hasMessage("'dict object' has no attribute 'zz'");
    }

    @Test
    void aMissingAttributeIsNotNone() {
        assertThat(render("{{ users | selectattr('zz', 'none') | list }}", users()))
                .isEqualTo("[]");
    }

    @Test
    void comparingAMissingAttributeFails() {
        assertThatThrownBy(() -> render("{{ users | selectattr('zz', 'equalto', 1) | list }}", users()))
                .rootCause()
                .hasMessage("'dict object' has no attribute 'zz'");
    }

    @Test
    void selectWithoutATestKeepsTruthyItems() {
        assertThat(render("{{ [0, 1, '', 'a'] | select | list }}")).isEqualTo("[1, 'a']");
    }

    @Test
    void rejectWithoutATestKeepsFalsyItems() {
        assertThat(render("{{ [0, 1, '', 'a'] | reject | list }}")).isEqualTo("[0, '']");
    }

    @Test
    void selectUsesTheNamedTest() {
        assertThat(render("{{ [1, 2, 3, 4] | select('odd') | list }}")).isEqualTo("[1, 3]");
    }

    @Test
    void joinUsesPythonStrForEachItem() {
        assertThat(render("{{ [none, true, 'x'] | join('-') }}")).isEqualTo("None-True-x");
    }

    @Test
    void joinTakesAnAttribute() {
        assertThat(render("{{ users | join(',', attribute='name') }}", users())).isEqualTo("a,b");
    }

    @Test
    void sortIgnoresCaseByDefaultAndIsStable() {
        assertThat(render("{{ ['b', 'A', 'a'] | sort }}")).isEqualTo("['A', 'a', 'b']");
    }

    @Test
    void sortCanBeCaseSensitive() {
        assertThat(render("{{ ['b', 'a', 'B'] | sort(case_sensitive=true) }}")).isEqualTo("['B', 'a', 'b']");
    }

    @Test
    void sortByAttributeInReverse() {
        assertThat(render("{{ users | sort(attribute='age', reverse=true) | map(attribute='name') | list }}", users()))
                .isEqualTo("['b', 'a']");
    }

    @Test
    void sortComparesListsItemByItem() {
        assertThat(render("{{ [[1, 'b'], [1, 'a']] | sort }}")).isEqualTo("[[1, 'a'], [1, 'b']]");
    }

    @Test
    void sortOfMixedTypesIsPythonsTypeError() {
        assertThatThrownBy(() -> render("{{ ['b', 1] | sort }}"))
                .rootCause()
                .hasMessage("'<' not supported between instances of 'int' and 'str'");
    }

    @Test
    void minIgnoresCase() {
        assertThat(render("{{ ['b', 'A'] | min }}")).isEqualTo("A");
    }

    @Test
    void maxByAttribute() {
        assertThat(render("{{ (users | max(attribute='age')).name }}", users())).isEqualTo("b");
    }

    @Test
    void minOfAnEmptyListFails() {
        assertThatThrownBy(() -> render("{{ [] | min }}"))
                .rootCause()
                .hasMessage("No aggregated item, sequence was empty.");
    }

    @Test
    void sumOfIntegersAndFloatsIsAFloat() {
        assertThat(render("{{ [1, 2.5] | sum }}")).isEqualTo("3.5");
    }

    @Test
    void sumWithAListStartConcatenates() {
        assertThat(render("{{ [[1], [2]] | sum(start=[]) }}")).isEqualTo("[1, 2]");
    }

    @Test
    void sumOfStringsIsPythonsTypeError() {
        assertThatThrownBy(() -> render("{{ ['a'] | sum }}"))
                .rootCause()
                .hasMessage("unsupported operand type(s) for +: 'int' and 'str'");
    }

    @Test
    void sumByAttribute() {
        assertThat(render("{{ users | sum(attribute='age') }}", users())).isEqualTo("8");
    }

    @Test
    void uniqueIgnoresCaseByDefault() {
        assertThat(render("{{ ['a', 'A', 'b'] | unique }}")).isEqualTo("['a', 'b']");
    }

    @Test
    void uniqueCanBeCaseSensitive() {
        assertThat(render("{{ ['a', 'A', 'b'] | unique(case_sensitive=true) }}"))
                .isEqualTo("['a', 'A', 'b']");
    }

    @Test
    void uniqueComparesDictsByValue() {
        assertThat(render("{{ [{'a': 1}, {'a': 1}] | unique }}")).isEqualTo("[{'a': 1}]");
    }

    @Test
    void uniqueTreatsOneAndOnePointZeroAsEqual() {
        assertThat(render("{{ [1, 1.0, 2] | unique }}")).isEqualTo("[1, 2]");
    }
}
