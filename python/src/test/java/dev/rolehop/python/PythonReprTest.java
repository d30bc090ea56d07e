package dev.rolehop.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expectations printed by CPython 3.11's repr() and str(). */
class PythonReprTest {

    @Test
    void noneAndBooleansAreWrittenAsPythonNames() {
        assertThat(PythonRepr.repr(Arrays.asList(null, true, false))).isEqualTo("[None, True, False]");
    }

    @Test
    void strIsSingleQuotedUnlessItHoldsOnlySingleQuotes() {
        assertThat(PythonRepr.repr(List.of("a'b", "a\"b", "a'\"b"))).isEqualTo("[\"a'b\", 'a\"b', 'a\\'\"b']");
    }

    @Test
    void controlAndUnprintableCharactersAreEscapedAsPythonDoes() {
        assertThat(PythonRepr.repr("\n\t\r\\\u0000\u007f\u0080\u00a0\u00ad\u2028\ue000\uD83D\uDE00\uDB40\uDC01"))
                .isEqualTo("'\\n\\t\\r\\\\\\x00\\x7f\\x80\\xa0\\xad\\u2028\\ue000\uD83D\uDE00\\U000e0001'");
    }

    @Test
    void floatsUseShortestDigitsAndPythonsExponentRange() {
        assertThat(PythonRepr.repr(List.of(1.0, 1e16, 1e-5, -0.0, 123456789.123, 1e-4, 0.00012, 2.5e-7, -1.5e300)))
                .isEqualTo("[1.0, 1e+16, 1e-05, -0.0, 123456789.123, 0.0001, 0.00012, 2.5e-07, -1.5e+300]");
    }

    @Test
    void floatsAreTheShortestDigitsEvenWhereJava17sDoubleToStringIsNot() {
        assertThat(PythonRepr.repr(List.of(Double.MIN_VALUE, 2.0E-3, 1.0E23, 9.007199254740993E15)))
                .isEqualTo("[5e-324, 0.002, 1e+23, 9007199254740992.0]");
    }

    @Test
    void nonFiniteFloatsAreNanAndInf() {
        assertThat(PythonRepr.repr(List.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)))
                .isEqualTo("[nan, inf, -inf]");
    }

    @Test
    void integersOfEveryWidthAreDigits() {
        assertThat(PythonRepr.repr(List.of(1, 2L, (short) 3, new BigInteger("123456789012345678901234567890"))))
                .isEqualTo("[1, 2, 3, 123456789012345678901234567890]");
    }

    @Test
    void dictsKeepTheirOrderAndReprTheirKeys() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put("proto", "tcp");
        map.put(1, List.of(22));
        assertThat(PythonRepr.repr(map)).isEqualTo("{'proto': 'tcp', 1: [22]}");
    }

    @Test
    void strOfAStrIsTheTextItself() {
        assertThat(PythonRepr.str("it's")).isEqualTo("it's");
    }

    @Test
    void strOfAContainerIsItsRepr() {
        assertThat(PythonRepr.str(List.of("a", 1))).isEqualTo("['a', 1]");
    }

    @Test
    void aPythonObjectShowsItself() {
        PythonObject tuple = new PythonObject() {
            @Override
            public String repr() {
                return "(1,)";
            }

            @Override
            public String typeName() {
                return "tuple";
            }
        };
        assertThat(PythonRepr.repr(Map.of("k", tuple))).isEqualTo("{'k': (1,)}");
    }

    /** A JVM type this module does not know, like Jinjava's SafeString. */
    private record Safe(String text) {}

    private static final PythonRepr MARKUP = PythonRepr.withForeign(value -> value instanceof Safe safe
            ? new PythonObject() {
                @Override
                public String repr() {
                    return "Markup(" + PythonRepr.stringRepr(safe.text()) + ")";
                }

                @Override
                public String str() {
                    return safe.text();
                }

                @Override
                public String typeName() {
                    return "Markup";
                }
            }
            : null);

    @Test
    void foreignObjectsInsideContainersAreShownThroughTheGivenFunction() {
        assertThat(MARKUP.reprOf(List.of(new Safe("<b>")))).isEqualTo("[Markup('<b>')]");
    }

    @Test
    void strOfAForeignObjectIsTheStrOfItsStandIn() {
        assertThat(MARKUP.strOf(new Safe("<b>"))).isEqualTo("<b>");
    }

    @Test
    void otherObjectsAreWrittenByToString() {
        assertThat(PythonRepr.repr(List.of(Thread.State.NEW))).isEqualTo("[NEW]");
    }

    @Test
    void typeNamesArePythons() {
        assertThat(Arrays.asList(null, true, 1, 1.5, "s", Map.of(), List.of(), java.util.Set.of()).stream()
                        .map(PythonRepr::typeName))
                .containsExactly("NoneType", "bool", "int", "float", "str", "dict", "list", "set");
    }
}
