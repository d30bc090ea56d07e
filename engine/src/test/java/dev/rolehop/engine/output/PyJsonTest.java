package dev.rolehop.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PyJsonTest {

    @Test
    void compactOutputSortsKeysWithPythonSeparators() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("msg", "boom");
        value.put("changed", false);

        assertThat(PyJson.compact(value)).isEqualTo("{\"changed\": false, \"msg\": \"boom\"}");
    }

    @Test
    void indentedOutputMatchesJsonDumpsIndent4() {
        Map<String, Object> value = Map.of("r", Map.of("a", List.of(1L, 2L), "e", List.of(), "n", Map.of()));

        assertThat(PyJson.indented(value, 4)).isEqualTo("""
                {
                    "r": {
                        "a": [
                            1,
                            2
                        ],
                        "e": [],
                        "n": {}
                    }
                }""");
    }

    @Test
    void nonAsciiStaysAndControlCharactersAreEscaped() {
        assertThat(PyJson.compact("é\n\u0001\"")).isEqualTo("\"é\\n\\u0001\\\"\"");
    }

    @Test
    void floatsPrintAsPythonReprs() {
        assertThat(PyJson.compact(List.of(1.5, 2.0, 1e20))).isEqualTo("[1.5, 2.0, 1e+20]");
    }

    @Test
    void asciiOutputEscapesDeleteAndNonAsciiAsPythonDoes() {
        assertThat(PyJson.indentedAscii(Map.of("k", "\u007f\u00e9"), 4))
                .isEqualTo("{\n    \"k\": \"\\u007f\\u00e9\"\n}");
    }

    @Test
    void keysPythonCannotSortLeaveTheLevelsBelowTheTopUnsorted() {
        Map<Object, Object> mixed = new LinkedHashMap<>();
        mixed.put("b", 1);
        mixed.put(1, 2);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("x", mixed);
        value.put("changed", false);

        assertThat(PyJson.compact(value)).isEqualTo("{\"changed\": false, \"x\": {\"b\": 1, \"1\": 2}}");
    }
}
