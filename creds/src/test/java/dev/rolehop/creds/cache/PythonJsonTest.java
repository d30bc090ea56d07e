package dev.rolehop.creds.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonJsonTest {

    @Test
    void dumpsUsesPythonSeparators() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", 1);
        value.put("a", List.of("x", true));
        value.put("c", null);
        assertThat(PythonJson.dumps(value)).isEqualTo("{\"b\": 1, \"a\": [\"x\", true], \"c\": null}");
    }

    @Test
    void dumpsSortedOrdersKeysAtEveryLevel() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("y", 2);
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("b", inner);
        value.put("a", "x");
        assertThat(PythonJson.dumpsSorted(value)).isEqualTo("{\"a\": \"x\", \"b\": {\"y\": 2, \"z\": 1}}");
    }

    @Test
    void nonAsciiAndControlCharactersAreEscaped() {
        assertThat(PythonJson.dumps("caf\u00e9 \"q\" \\ \n\u007f\ud83d\ude00"))
                .isEqualTo("\"caf\\u00e9 \\\"q\\\" \\\\ \\n\\u007f\\ud83d\\ude00\"");
    }

    @Test
    void prettyIndentsByTwoSpaces() {
        assertThat(PythonJson.pretty(List.of(Map.of("k", "v"))))
                .isEqualTo("[\n  {\n    \"k\": \"v\"\n  }\n]");
    }

    @Test
    void parseKeepsDocumentOrderAndReadsNumbersExactly() {
        Object parsed = PythonJson.parse("{\"b\": 1.50, \"a\": [null, false]}");
        assertThat(parsed).isEqualTo(Map.of("b", new BigDecimal("1.50"), "a", java.util.Arrays.asList(null, false)));
        assertThat(new java.util.ArrayList<Object>(((Map<?, ?>) parsed).keySet())).containsExactly("b", "a");
    }
}
