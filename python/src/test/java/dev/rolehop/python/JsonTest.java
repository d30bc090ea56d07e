package dev.rolehop.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expectations printed by CPython 3.11's json.dumps. */
class JsonTest {

    private static Map<Object, Object> map(Object... keysAndValues) {
        Map<Object, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    @Test
    void defaultsAreOneLineWithCommaSpaceAndColonSpace() {
        assertThat(Json.dumps(map("b", 1, "a", Arrays.asList(1, 2.5, null, true, map()), "c", List.of())))
                .isEqualTo("{\"b\": 1, \"a\": [1, 2.5, null, true, {}], \"c\": []}");
    }

    @Test
    void ensureAsciiEscapesDeleteAndEverythingAboveAsUtf16Units() {
        assertThat(Json.dumps("\u007f\u0080\u00e9\u2028\uD83D\uDE00\u0000\u001f"))
                .isEqualTo("\"\\u007f\\u0080\\u00e9\\u2028\\ud83d\\ude00\\u0000\\u001f\"");
    }

    @Test
    void withoutEnsureAsciiOnlyControlCharactersAreEscaped() {
        assertThat(Json.dumps().ensureAscii(false).write("\u007f\u0080\u00e9\uD83D\uDE00\n"))
                .isEqualTo("\"\u007f\u0080\u00e9\uD83D\uDE00\\n\"");
    }

    @Test
    void indentBreaksLinesAndDropsTheSpaceAfterCommas() {
        assertThat(Json.dumps()
                        .indent(4)
                        .sortKeys(true)
                        .write(map("b", 1, "a", Arrays.asList(1, null, map()), "c", List.of())))
                .isEqualTo(
                        "{\n    \"a\": [\n        1,\n        null,\n        {}\n    ],\n    \"b\": 1,\n    \"c\": []\n}");
    }

    @Test
    void indentZeroBreaksLinesWithoutIndenting() {
        assertThat(Json.dumps().indent(0).write(map("b", List.of(1)))).isEqualTo("{\n\"b\": [\n1\n]\n}");
    }

    @Test
    void separatorsReplaceBoth() {
        assertThat(Json.dumps().separators(",", ":").write(map("a", List.of(1, map("b", 2)))))
                .isEqualTo("{\"a\":[1,{\"b\":2}]}");
    }

    @Test
    void sortKeysOrdersStrsByCodePoint() {
        assertThat(Json.dumps()
                        .sortKeys(true)
                        .ensureAscii(false)
                        .write(map("\u00e9", 1, "z", 2, "a", 3, "\uD83D\uDE00", 4, "\uffff", 5)))
                .isEqualTo("{\"a\": 3, \"z\": 2, \"\u00e9\": 1, \"\uffff\": 5, \"\uD83D\uDE00\": 4}");
    }

    @Test
    void sortingKeysOfMixedTypesIsPythonsTypeError() {
        assertThatThrownBy(() -> Json.dumps().sortKeys(true).write(map(1, 2, "a", 3)))
                .isInstanceOf(PythonTypeError.class)
                .hasMessage("'<' not supported between instances of 'str' and 'int'");
    }

    @Test
    void nonStringKeysAreConvertedAsPythonDoes() {
        assertThat(Json.dumps(map(1, 2, 1.5, 3, true, 4, null, 5)))
                .isEqualTo("{\"1\": 2, \"1.5\": 3, \"true\": 4, \"null\": 5}");
    }

    @Test
    void containerKeysArePythonsTypeError() {
        assertThatThrownBy(() -> Json.dumps(map(List.of(1), 2)))
                .isInstanceOf(PythonTypeError.class)
                .hasMessage("keys must be str, int, float, bool or None, not list");
    }

    @Test
    void floatsAreReprsAndNonFiniteOnesJavaScriptNames() {
        assertThat(Json.dumps(List.of(
                        Double.NaN,
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        1e16,
                        1e-5,
                        0.1,
                        1e22,
                        123456789012345678L)))
                .isEqualTo("[NaN, Infinity, -Infinity, 1e+16, 1e-05, 0.1, 1e+22, 123456789012345678]");
    }

    @Test
    void unknownObjectsArePythonsTypeError() {
        assertThatThrownBy(() -> Json.dumps(new Object()))
                .isInstanceOf(PythonTypeError.class)
                .hasMessage("Object of type Object is not JSON serializable");
    }

    @Test
    void aPythonObjectIsWrittenAsItsJsonStandIn() {
        PythonObject datetime = new PythonObject() {
            @Override
            public String repr() {
                return "datetime.datetime(2024, 1, 2, 0, 0)";
            }

            @Override
            public String typeName() {
                return "datetime";
            }

            @Override
            public Object toJson() {
                return "2024-01-02T00:00:00";
            }
        };
        assertThat(Json.dumps(List.of(datetime))).isEqualTo("[\"2024-01-02T00:00:00\"]");
    }

    @Test
    void aPythonObjectWithoutStandInIsPythonsTypeError() {
        PythonObject view = new PythonObject() {
            @Override
            public String repr() {
                return "dict_keys(['a'])";
            }

            @Override
            public String typeName() {
                return "dict_keys";
            }
        };
        assertThatThrownBy(() -> Json.dumps(view)).hasMessage("Object of type dict_keys is not JSON serializable");
    }

    @Test
    void aFallbackWritesObjectsOfUnknownTypes() {
        assertThat(Json.dumps().fallback(String::valueOf).write(List.of(Thread.State.NEW)))
                .isEqualTo("[\"NEW\"]");
    }

    @Test
    void aFallbackReturningAnUnknownObjectIsPythonsTypeError() {
        assertThatThrownBy(() -> Json.dumps().fallback(value -> value).write(new Object()))
                .isInstanceOf(PythonTypeError.class)
                .hasMessage("Object of type Object is not JSON serializable");
    }

    @Test
    void aFallbackAlsoWritesPythonObjectsWithoutJsonForm() {
        PythonObject view = new PythonObject() {
            @Override
            public String repr() {
                return "dict_keys(['a'])";
            }

            @Override
            public String typeName() {
                return "dict_keys";
            }
        };
        assertThat(Json.dumps().fallback(value -> List.of("a")).write(view)).isEqualTo("[\"a\"]");
    }
}
