package dev.rolehop.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expectations printed by CPython 3.11's json.loads. */
@SuppressWarnings("unchecked")
class JsonLoadsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            ``             | Expecting value: line 1 column 1 (char 0)
            ` `            | Expecting value: line 1 column 2 (char 1)
            {              | Expecting property name enclosed in double quotes: line 1 column 2 (char 1)
            {"a"           | Expecting ':' delimiter: line 1 column 5 (char 4)
            {"a":          | Expecting value: line 1 column 6 (char 5)
            {"a":1         | Expecting ',' delimiter: line 1 column 7 (char 6)
            {"a":1,}       | Expecting property name enclosed in double quotes: line 1 column 8 (char 7)
            {"a" 1}        | Expecting ':' delimiter: line 1 column 6 (char 5)
            {1:2}          | Expecting property name enclosed in double quotes: line 1 column 2 (char 1)
            [1,]           | Expecting value: line 1 column 4 (char 3)
            [1 2]          | Expecting ',' delimiter: line 1 column 4 (char 3)
            [              | Expecting value: line 1 column 2 (char 1)
            "abc           | Unterminated string starting at: line 1 column 1 (char 0)
            "a\\           | Unterminated string starting at: line 1 column 1 (char 0)
            "a\\q"         | Invalid \\escape: line 1 column 3 (char 2)
            "\\u12"        | Invalid \\uXXXX escape: line 1 column 3 (char 2)
            "\\u12G4"      | Invalid \\uXXXX escape: line 1 column 3 (char 2)
            1 2            | Extra data: line 1 column 3 (char 2)
            nul            | Expecting value: line 1 column 1 (char 0)
            -              | Expecting value: line 1 column 1 (char 0)
            1.             | Extra data: line 1 column 2 (char 1)
            01             | Extra data: line 1 column 2 (char 1)
            """)
    void malformedDocumentsGivePythonsMessage(String doc, String message) {
        String text = doc.replace("\\\\", "\\");
        assertThatThrownBy(() -> Json.loads(text))
                .isInstanceOf(JsonDecodeError.class)
                .hasMessage(message.replace("\\\\", "\\"));
    }

    @Test
    void aControlCharacterInAStringIsRejectedWhereItStands() {
        assertThatThrownBy(() -> Json.loads("\"a\u0001\""))
                .hasMessage("Invalid control character at: line 1 column 3 (char 2)");
    }

    @Test
    void linesAndColumnsCountNewlines() {
        assertThatThrownBy(() -> Json.loads("\n\n  x"))
                .hasMessage("Expecting value: line 3 column 3 (char 4)")
                .satisfies(e -> assertThat(((JsonDecodeError) e).lineno()).isEqualTo(3))
                .satisfies(e -> assertThat(((JsonDecodeError) e).colno()).isEqualTo(3));
    }

    @Test
    void aByteOrderMarkIsRejected() {
        assertThatThrownBy(() -> Json.loads("\ufeff1"))
                .hasMessage("Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)");
    }

    @Test
    void aRepeatedKeyKeepsItsFirstPlaceAndLastValue() {
        assertThat(Json.loads("{\"a\":1,\"b\":2,\"a\":3}"))
                .isEqualTo(Map.of("a", 3L, "b", 2L))
                .asString()
                .isEqualTo("{a=3, b=2}");
    }

    @Test
    void numbersBecomeLongsBigIntegersAndDoubles() {
        assertThat((List<Object>) Json.loads("[1e400, 12345678901234567890, -0, 1E2, 7]"))
                .containsExactly(Double.POSITIVE_INFINITY, new BigInteger("12345678901234567890"), 0L, 100.0, 7L);
    }

    @Test
    void javaScriptNamesOfNonFiniteNumbersAreAccepted() {
        assertThat((List<Object>) Json.loads("[NaN, Infinity, -Infinity]"))
                .containsExactly(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @Test
    void escapesAreDecodedAndLoneSurrogatesKept() {
        assertThat((List<Object>) Json.loads("[\"\\u00e9\\/\\n\", \"\\ud800\"]"))
                .containsExactly("\u00e9/\n", "\ud800");
    }

    @Test
    void literalsAreNoneAndBooleans() {
        assertThat((List<Object>) Json.loads(" [null, true, false] ")).isEqualTo(Arrays.asList(null, true, false));
    }
}
