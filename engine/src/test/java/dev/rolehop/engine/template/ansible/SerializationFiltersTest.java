package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.eval;
import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SerializationFiltersTest {
    private static final Map<String, Object> DATA = data();

    private static Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("b", 1);
        data.put("a", Arrays.asList(1, 2.0, null, true, "é\""));
        data.put("c", Map.of());
        data.put("d", List.of());
        return data;
    }

    @Test
    void toJsonUsesPythonSeparatorsAndEscapesNonAscii() {
        assertThat(render("{{ data | to_json }}", Map.of("data", DATA)))
                .isEqualTo("{\"b\": 1, \"a\": [1, 2.0, null, true, \"\\u00e9\\\"\"], \"c\": {}, \"d\": []}");
    }

    @Test
    void toJsonWithEnsureAsciiFalseKeepsNonAscii() {
        assertThat(render("{{ 'é' | to_json(ensure_ascii=false) }}")).isEqualTo("\"é\"");
    }

    @Test
    void toJsonTurnsIntegerKeysIntoStrings() {
        assertThat(render("{{ {1: 'a'} | to_json }}")).isEqualTo("{\"1\": \"a\"}");
    }

    @Test
    void toNiceJsonIndentsByFourAndSortsKeys() {
        assertThat(render("{{ data | to_nice_json }}", Map.of("data", DATA)))
                .isEqualTo(
                        "{\n    \"a\": [\n        1,\n        2.0,\n        null,\n        true,\n        \"\\u00e9\\\"\"\n"
                                + "    ],\n    \"b\": 1,\n    \"c\": {},\n    \"d\": []\n}");
    }

    @Test
    void toNiceJsonTakesAnIndent() {
        assertThat(render("{{ [1, 2] | to_nice_json(indent=2) }}")).isEqualTo("[\n  1,\n  2\n]");
    }

    @Test
    void fromJsonParsesIntoNativeValues() {
        assertThat(eval("'{\"a\": [1, 2.5, null, true]}' | from_json"))
                .isEqualTo(Map.of("a", Arrays.asList(1L, 2.5, null, true)));
    }

    @Test
    void fromJsonReportsPythonsMessageForNonJson() {
        assertThatThrownBy(() -> render("{{ 'x' | from_json }}"))
                .rootCause()
                .hasMessage("Expecting value: line 1 column 1 (char 0)");
    }

    @Test
    void fromJsonReportsAMissingColon() {
        assertThatThrownBy(() -> render("{{ '{\"a\" 1}' | from_json }}"))
                .rootCause()
                .hasMessage("Expecting ':' delimiter: line 1 column 6 (char 5)");
    }

    @Test
    void fromJsonReportsATrailingCommaInAnObject() {
        assertThatThrownBy(() -> render("{{ '{\"a\": 1,}' | from_json }}"))
                .rootCause()
                .hasMessage("Expecting property name enclosed in double quotes: line 1 column 9 (char 8)");
    }

    @Test
    void fromJsonReportsExtraData() {
        assertThatThrownBy(() -> render("{{ '[1] x' | from_json }}"))
                .rootCause()
                .hasMessage("Extra data: line 1 column 5 (char 4)");
    }

    @Test
    void toYamlUsesFlowStyleForLeafCollections() {
        assertThat(render("{{ data | to_yaml }}", Map.of("data", DATA)))
                .isEqualTo("a: [1, 2.0, null, true, é\"]\nb: 1\nc: {}\nd: []\n");
    }

    @Test
    void toYamlOfAStringIsThePlainScalar() {
        assertThat(render("{{ 'a b' | to_yaml }}")).isEqualTo("a b\n");
    }

    @Test
    void toYamlWritesLargeFloatsAsPyYamlDoes() {
        assertThat(render("{{ {'g': 1e20} | to_yaml }}")).isEqualTo("{g: 1.0e+20}\n");
    }

    @Test
    void toNiceYamlUsesBlockStyleAndIndentsByFour() {
        // Jinjava ends an expression at the first "}}", so nested dicts come from a variable.
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("e", Map.of("x", List.of(Map.of("y", 1))));
        data.put("b", List.of("yes", "1", "a: b", ""));
        assertThat(render("{{ data | to_nice_yaml }}", Map.of("data", data)))
                .isEqualTo("b:\n- 'yes'\n- '1'\n- 'a: b'\n- ''\ne:\n    x:\n    -   y: 1\n");
    }

    @Test
    void toNiceYamlFoldsLinesLongerThanEighty() {
        assertThat(render("{{ {'k': 'a long line with several words that will definitely be longer than "
                        + "eighty characters in total size'} | to_nice_yaml }}"))
                .isEqualTo("k: a long line with several words that will definitely be longer than eighty "
                        + "characters\n    in total size\n");
    }

    @Test
    void fromYamlReadsYaml11Booleans() {
        assertThat(eval("'a: [1, yes, 1.5, ~, \"x\"]' | from_yaml"))
                .isEqualTo(Map.of("a", Arrays.asList(1, true, 1.5, null, "x")));
    }

    @Test
    void fromYamlPassesANonStringThrough() {
        assertThat(eval("[1] | from_yaml")).isEqualTo(List.of(1L));
    }

    @Test
    void toNiceYamlQuotesAndFoldsMultiLineStringsAsPyYamlDoes() {
        assertThat(render("{{ {'m': ml} | to_nice_yaml }}", Map.of("ml", "line1\nline2\n")))
                .isEqualTo("m: 'line1\n\n    line2\n\n    '\n");
    }

    @Test
    void toYamlDoubleQuotesStringsWithTabs() {
        assertThat(render("{{ [t] | to_yaml }}", Map.of("t", "a\tb"))).isEqualTo("[\"a\\tb\"]\n");
    }
}
