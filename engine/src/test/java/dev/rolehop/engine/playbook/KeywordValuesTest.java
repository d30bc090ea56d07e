package dev.rolehop.engine.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordValuesTest {

    @Test
    void boolWordsConvertInAnyCaseAndWithSpaces() {
        assertThat(KeywordValues.convert(Keyword.IGNORE_ERRORS, " Yes ", " Yes "))
                .isEqualTo(true);
        assertThat(KeywordValues.convert(Keyword.IGNORE_ERRORS, "OFF", "OFF")).isEqualTo(false);
        assertThat(KeywordValues.convert(Keyword.IGNORE_ERRORS, "t", "t")).isEqualTo(true);
    }

    @Test
    void theStringFalseIsFalseForABoolKeyword() {
        assertThat(KeywordValues.convert(Keyword.NO_LOG, "{{ x }}", "false")).isEqualTo(false);
    }

    @Test
    void numbersOneAndZeroAreBooleansButTwoIsNot() {
        assertThat(KeywordValues.convert(Keyword.CHECK_MODE, 1L, 1L)).isEqualTo(true);
        assertThat(KeywordValues.convert(Keyword.CHECK_MODE, 0.0, 0.0)).isEqualTo(false);
        assertThatThrownBy(() -> KeywordValues.convert(Keyword.CHECK_MODE, 2L, 2L))
                .hasMessageStartingWith(
                        "the field 'check_mode' has an invalid value (2), and could not be converted to an bool.")
                .hasMessageContaining("The value '2' is not a valid boolean.");
    }

    @Test
    void anInvalidBoolNamesTheValidOnesInTheOrderOfTheRecordings() {
        assertThatThrownBy(() -> KeywordValues.convert(Keyword.IGNORE_ERRORS, "maybe", "maybe"))
                .hasMessage(
                        "the field 'ignore_errors' has an invalid value (maybe), and could not be converted to an bool."
                                + "The error was: The value 'maybe' is not a valid boolean.  Valid booleans include: "
                                + "0, 'y', 'true', 1, 'f', 'n', 'off', 't', '0', 'no', 'false', '1', 'on', 'yes'");
    }

    @Test
    void aListIsNotABoolean() {
        assertThatThrownBy(() -> KeywordValues.convert(Keyword.RUN_ONCE, List.of(1L), List.of(1L)))
                .hasMessageEndingWith("The error was: unhashable type: 'list'");
    }

    @Test
    void intsConvertAsPythonsIntTruncatingFloatsAndStrippingStrings() {
        assertThat(KeywordValues.convert(Keyword.DELAY, 0.5, 0.5)).isEqualTo(0L);
        assertThat(KeywordValues.convert(Keyword.RETRIES, " 2 ", " 2 ")).isEqualTo(2L);
        assertThat(KeywordValues.convert(Keyword.RETRIES, "1_000", "1_000")).isEqualTo(1000L);
        assertThat(KeywordValues.convert(Keyword.RETRIES, true, true)).isEqualTo(1L);
    }

    @Test
    void aStringThatIsNotAnIntGivesPythonsMessage() {
        assertThatThrownBy(() -> KeywordValues.convert(Keyword.RETRIES, "abc", "abc"))
                .hasMessage("the field 'retries' has an invalid value (abc), and could not be converted to an int."
                        + "The error was: invalid literal for int() with base 10: 'abc'");
    }

    @Test
    void aDecimalStringIsNotAnInt() {
        assertThatThrownBy(() -> KeywordValues.convert(Keyword.TIMEOUT, "1.5", "1.5"))
                .hasMessageEndingWith("invalid literal for int() with base 10: '1.5'");
    }

    @Test
    void aDictIsNotAnInt() {
        assertThatThrownBy(() -> KeywordValues.convert(Keyword.DELAY, Map.of("a", 1L), Map.of("a", 1L)))
                .hasMessage(
                        "the field 'delay' has an invalid value ({'a': 1}), and could not be converted to an int."
                                + "The error was: int() argument must be a string, a bytes-like object or a real number, not 'dict'");
    }

    @Test
    void theMessageShowsTheValueAsWrittenNotAsRendered() {
        assertThatThrownBy(() -> KeywordValues.convert(Keyword.RETRIES, "{{ n }}", "x"))
                .hasMessageStartingWith("the field 'retries' has an invalid value ({{ n }}),");
    }

    @Test
    void aPercentMayBeWrittenWithAPercentSign() {
        assertThat(KeywordValues.convert(Keyword.MAX_FAIL_PERCENTAGE, "30%", "30%"))
                .isEqualTo(30.0);
        assertThat(KeywordValues.convert(Keyword.MAX_FAIL_PERCENTAGE, 12L, 12L)).isEqualTo(12.0);
    }

    @Test
    void aPercentThatIsNotANumberGivesFloatsMessage() {
        assertThatThrownBy(() -> KeywordValues.convert(Keyword.MAX_FAIL_PERCENTAGE, "abc", "abc"))
                .hasMessage(
                        "the field 'max_fail_percentage' has an invalid value (abc), and could not be converted to an percent."
                                + "The error was: could not convert string to float: 'abc'");
    }

    @Test
    void aSingleValueBecomesAOneItemList() {
        assertThat(KeywordValues.convert(Keyword.NOTIFY, "h", "h")).isEqualTo(List.of("h"));
    }

    @Test
    void aListOfStringsRejectsOtherItems() {
        assertThatThrownBy(() -> KeywordValues.convert(Keyword.HOSTS, List.of(1L), List.of(1L)))
                .hasMessage(
                        "the field 'hosts' should be a list of (<class 'str'>,), but the item '1' is a <class 'int'>");
    }

    @Test
    void aStringKeywordTakesPythonsStrOfOtherValues() {
        assertThat(KeywordValues.convert(Keyword.DELEGATE_TO, true, true)).isEqualTo("True");
    }

    @Test
    void aDictKeywordRejectsAString() {
        assertThatThrownBy(() -> KeywordValues.convert(Keyword.ARGS, "abc", "abc"))
                .hasMessageEndingWith("The error was: abc is not a dictionary");
    }

    @Test
    void noValueStaysNoValue() {
        assertThat(KeywordValues.convert(Keyword.RETRIES, null, null)).isNull();
    }
}
