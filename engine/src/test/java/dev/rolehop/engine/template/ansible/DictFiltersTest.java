package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Fixtures.map;
import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DictFiltersTest {
    private static Map<String, Object> nested() {
        return map("x", map("a", map("x", 1, "l", List.of(1, 2))), "y", map("a", map("y", 2, "l", List.of(2, 3))));
    }

    @Test
    void combineLetsLaterDictsWin() {
        assertThat(render("{{ {'a': 1} | combine({'b': 2}, {'a': 3}) }}")).isEqualTo("{'a': 3, 'b': 2}");
    }

    @Test
    void combineAcceptsAListOfDicts() {
        assertThat(render("{{ [{'a': 1}, {'b': 2}] | combine }}")).isEqualTo("{'a': 1, 'b': 2}");
    }

    @Test
    void combineReplacesNestedDictsByDefault() {
        assertThat(render("{{ x | combine(y) }}", nested())).isEqualTo("{'a': {'y': 2, 'l': [2, 3]}}");
    }

    @Test
    void combineRecursiveMergesNestedDicts() {
        assertThat(render("{{ x | combine(y, recursive=true) }}", nested()))
                .isEqualTo("{'a': {'x': 1, 'l': [2, 3], 'y': 2}}");
    }

    @Test
    void combineAppendRpAppendsWithoutDuplicates() {
        assertThat(render("{{ x | combine(y, recursive=true, list_merge='append_rp') }}", nested()))
                .isEqualTo("{'a': {'x': 1, 'l': [1, 2, 3], 'y': 2}}");
    }

    @Test
    void combinePrependPutsTheNewListFirst() {
        assertThat(render("{{ x | combine(y, recursive=true, list_merge='prepend') }}", nested()))
                .isEqualTo("{'a': {'x': 1, 'l': [2, 3, 1, 2], 'y': 2}}");
    }

    @Test
    void combineRejectsUnknownKeywords() {
        assertThatThrownBy(() -> render("{{ {'a': 1} | combine({'b': 2}, foo=1) }}"))
                .rootCause()
                .hasMessage("'recursive' and 'list_merge' are the only valid keyword arguments");
    }

    @Test
    void combineRejectsAnUnknownListMerge() {
        assertThatThrownBy(() -> render("{{ {'a': 1} | combine({'b': 2}, list_merge='bad') }}"))
                .rootCause()
                .hasMessage("merge_hash: 'list_merge' argument can only be equal to 'replace', "
                        + "'keep', 'append', 'prepend', 'append_rp' or 'prepend_rp'");
    }

    @Test
    void combineOfANonDictNamesBothTypes() {
        assertThatThrownBy(() -> render("{{ {'a': 1} | combine([1]) }}"))
                .rootCause()
                .hasMessage("failed to combine variables, expected dicts but got a 'dict' and a 'int': "
                        + "\n{\"a\": 1}\n1");
    }

    @Test
    void dict2itemsGivesKeyValuePairs() {
        assertThat(render("{{ {'a': 1, 'b': 2} | dict2items }}"))
                .isEqualTo("[{'key': 'a', 'value': 1}, {'key': 'b', 'value': 2}]");
    }

    @Test
    void dict2itemsTakesCustomNames() {
        assertThat(render("{{ {'a': 1} | dict2items(key_name='k', value_name='v') }}"))
                .isEqualTo("[{'k': 'a', 'v': 1}]");
    }

    @Test
    void dict2itemsOfANonDictIsATypeError() {
        assertThatThrownBy(() -> render("{{ 5 | dict2items }}"))
                .rootCause()
                .hasMessage("dict2items requires a dictionary, got <class 'int'> instead.");
    }

    @Test
    void items2dictBuildsADict() {
        assertThat(render("{{ [{'key': 'a', 'value': 1}] | items2dict }}")).isEqualTo("{'a': 1}");
    }

    @Test
    void items2dictNamesTheMissingKeys() {
        assertThatThrownBy(() -> render("{{ [{'k': 'a', 'value': 1}] | items2dict }}"))
                .rootCause()
                .hasMessage("items2dict requires each dictionary in the list to contain the keys "
                        + "'key' and 'value', got [{'k': 'a', 'value': 1}] instead.");
    }

    @Test
    void items2dictOfANonListIsATypeError() {
        assertThatThrownBy(() -> render("{{ 5 | items2dict }}"))
                .rootCause()
                .hasMessage("items2dict requires a list, got <class 'int'> instead.");
    }

    @Test
    void subelementsPairsEachItemWithEachSubitem() {
        assertThat(render("{{ [{'n': 1, 'g': ['x', 'y']}] | subelements('g') }}"))
                .isEqualTo("[({'n': 1, 'g': ['x', 'y']}, 'x'), ({'n': 1, 'g': ['x', 'y']}, 'y')]");
    }

    @Test
    void subelementsReportsAMissingKey() {
        assertThatThrownBy(() -> render("{{ [{'n': 1}] | subelements('h') }}"))
                .rootCause()
                .hasMessage("could not find 'h' key in iterated item {'n': 1}");
    }

    @Test
    void subelementsSkipsMissingKeysWhenAsked() {
        assertThat(render("{{ [{'n': 1}] | subelements('h', skip_missing=true) }}"))
                .isEqualTo("[]");
    }

    @Test
    void subelementsRequiresAList() {
        assertThatThrownBy(() -> render("{{ [{'g': 'x'}] | subelements('g') }}"))
                .rootCause()
                .hasMessage("the key 'g' should point to a list, got 'x'");
    }
}
