package dev.rolehop.engine.template.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rolehop.engine.template.Templar;
import dev.rolehop.engine.template.TemplateException;
import dev.rolehop.engine.template.UndefinedVariableException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Python's methods on str, dict and list values; every expectation is what ansible-core 2.14 renders. */
class PythonMethodsTest {
    private static final Templar TEMPLAR = new Templar(Map.of());

    private static Object render(String template) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", "web");
        config.put("port", 80L);
        return TEMPLAR.template(
                template,
                Map.of(
                        "config",
                        config,
                        "numbers",
                        new ArrayList<>(List.of(3L, 1L, 3L, 2L)),
                        "lines",
                        "one\ntwo\r\nthree"));
    }

    /** Renders the expression inside text, as Ansible prints it there. */
    private static Object text(String expression) {
        return render("{{ " + expression + " }}|");
    }

    /** The message of the failure, as a task shows it. */
    private static String failure(String expression) {
        Throwable thrown = catchThrowable(() -> text(expression));
        assertThat(thrown).isInstanceOf(TemplateException.class);
        return thrown.getMessage();
    }

    /** Ansible's task message for a Python TypeError raised by the expression. */
    private static String typeError(String expression, String message) {
        return "Unexpected templating type error occurred on ({{ " + expression + " }}|): " + message + ". " + message;
    }

    @Test
    void splitWithoutArgumentsSplitsOnWhitespaceRuns() {
        assertThat(text("' a b  c '.split()")).isEqualTo("['a', 'b', 'c']|");
    }

    @Test
    void splitTakesItsSeparatorLiterallyNotAsARegex() {
        assertThat(text("'a.b.c'.split('.')")).isEqualTo("['a', 'b', 'c']|");
        assertThat(text("'a,b,,c'.split(',')")).isEqualTo("['a', 'b', '', 'c']|");
    }

    @Test
    void splitAndRsplitHonourMaxsplitByPositionOrName() {
        assertThat(text("'a.b.c'.split('.', 1)")).isEqualTo("['a', 'b.c']|");
        assertThat(text("'a.b.c'.rsplit('.', 1)")).isEqualTo("['a.b', 'c']|");
        assertThat(text("'a b c'.rsplit(maxsplit=1)")).isEqualTo("['a b', 'c']|");
    }

    @Test
    void aLoneSplitKeepsItsListType() {
        assertThat(render("{{ 'a.b'.split('.') }}")).isEqualTo(List.of("a", "b"));
    }

    @Test
    void splitlinesDropsTheLineEndsUnlessKept() {
        assertThat(text("lines.splitlines()")).isEqualTo("['one', 'two', 'three']|");
        assertThat(text("lines.splitlines(True)")).isEqualTo("['one\\n', 'two\\r\\n', 'three']|");
    }

    @Test
    void partitionGivesATuple() {
        assertThat(text("'a.b.c'.partition('.')")).isEqualTo("('a', '.', 'b.c')|");
        assertThat(text("'a.b.c'.rpartition('.')")).isEqualTo("('a.b', '.', 'c')|");
        assertThat(text("'abc'.partition('.')")).isEqualTo("('abc', '', '')|");
    }

    @Test
    void stripFamilyStripsWhitespaceOrTheGivenCharacters() {
        assertThat(text("'  x  '.strip()")).isEqualTo("x|");
        assertThat(text("'  x  '.lstrip()")).isEqualTo("x  |");
        assertThat(text("'  x  '.rstrip()")).isEqualTo("  x|");
        assertThat(text("'xxhixx'.strip('x')")).isEqualTo("hi|");
    }

    @Test
    void caseMethodsFollowPython() {
        assertThat(text("'Hello'.upper() ~ 'Hello'.lower() ~ 'Hello'.swapcase()"))
                .isEqualTo("HELLOhellohELLO|");
        assertThat(text("\"they're bill's-friends 1st\".title()")).isEqualTo("They'Re Bill'S-Friends 1St|");
        assertThat(text("'hELLO wORLD'.capitalize()")).isEqualTo("Hello world|");
    }

    @Test
    void replaceHonoursTheCount() {
        assertThat(text("'banana'.replace('a', 'o')")).isEqualTo("bonono|");
        assertThat(text("'banana'.replace('a', 'o', 2)")).isEqualTo("bonona|");
    }

    @Test
    void findFamilyCountsFromTheStartOrEnd() {
        assertThat(text("'banana'.find('an')")).isEqualTo("1|");
        assertThat(text("'banana'.rfind('an')")).isEqualTo("3|");
        assertThat(text("'banana'.find('z')")).isEqualTo("-1|");
        assertThat(text("'banana'.find('a', 2)")).isEqualTo("3|");
        assertThat(text("'banana'.find('a', -2, -1)")).isEqualTo("-1|");
        assertThat(text("'banana'.index('n')")).isEqualTo("2|");
        assertThat(text("'banana'.rindex('n')")).isEqualTo("4|");
        assertThat(text("'banana'.count('a')")).isEqualTo("3|");
        assertThat(text("'banana'.count('')")).isEqualTo("7|");
    }

    @Test
    void indexOfAMissingSubstringFailsAsPythonsValueError() {
        assertThat(failure("'abc'.index('z')")).isEqualTo("substring not found");
    }

    @Test
    void startswithAndEndswithTakeAStrOrATuple() {
        assertThat(text("'abc'.startswith('a')")).isEqualTo("True|");
        assertThat(text("'Abc'.endswith('c')")).isEqualTo("True|");
        assertThat(text("'abc'.startswith(('x', 'ab'))")).isEqualTo("True|");
        assertThat(text("'abc'.endswith('b')")).isEqualTo("False|");
        assertThat(text("'abc'.startswith('b', 1)")).isEqualTo("True|");
    }

    @Test
    void joinNeedsStrItems() {
        assertThat(text("'-'.join(['a', 'b', 'c'])")).isEqualTo("a-b-c|");
        assertThat(text("','.join(config)")).isEqualTo("name,port|");
        assertThat(failure("'-'.join(['a', 1])"))
                .isEqualTo(typeError("'-'.join(['a', 1])", "sequence item 1: expected str instance, int found"));
    }

    @Test
    void predicatesAreFalseForTheEmptyString() {
        assertThat(text("['123'.isdigit(), 'abc'.isalpha(), 'a1'.isalnum(), ' '.isspace(), ''.isdigit()]"))
                .isEqualTo("[True, True, True, True, False]|");
        assertThat(text("['ABC'.isupper(), 'aBC'.isupper(), 'abc1'.islower(), '1'.islower()]"))
                .isEqualTo("[True, False, True, False]|");
    }

    @Test
    void paddingMethodsPadAsPythonDoes() {
        assertThat(text("'42'.zfill(5) ~ ' ' ~ '-42'.zfill(5)")).isEqualTo("00042 -0042|");
        assertThat(text("'[' ~ 'ab'.center(6) ~ '][' ~ 'abc'.center(6, '*') ~ ']'"))
                .isEqualTo("[  ab  ][*abc**]|");
        assertThat(text("'ab'.ljust(5, '.') ~ 'ab'.rjust(5)")).isEqualTo("ab...   ab|");
    }

    @Test
    void formatFillsPositionalAndNamedFields() {
        assertThat(text("'{} and {}'.format('x', 'y')")).isEqualTo("x and y|");
        assertThat(text("'{0}{1}{0}'.format('a', 'b')")).isEqualTo("aba|");
        assertThat(text("'hi {name}!'.format(name='bob')")).isEqualTo("hi bob!|");
        assertThat(text("'{{}} {!r} {[0]}'.format('a', ['b'])")).isEqualTo("{} 'a' b|");
    }

    @Test
    void formatAppliesTheFormatMiniLanguage() {
        assertThat(text("'{:>5}|{:<4}|{:^5}|{:05d}|{:.2f}|{:x}|{:,}'.format('a', 'b', 'c', 42, 3.14159, 255, 1234567)"))
                .isEqualTo("    a|b   |  c  |00042|3.14|ff|1,234,567|");
        assertThat(text("'{:+.1f} {:e} {:.0%} {:#x} {:g}'.format(2.25, 12345.678, 0.5, 255, 0.0001)"))
                .isEqualTo("+2.2 1.234568e+04 50% 0xff 0.0001|");
    }

    @Test
    void formatFailsAsPythonDoes() {
        assertThat(failure("'{}{}'.format(1)")).isEqualTo("Replacement index 1 out of range for positional args tuple");
        assertThat(failure("'{x}'.format(1)")).isEqualTo("'x'");
        assertThat(failure("'{:d}'.format('a')")).isEqualTo("Unknown format code 'd' for object of type 'str'");
    }

    @Test
    void getReturnsTheValueOrTheDefault() {
        assertThat(text("config.get('name') ~ config.get('missing', 'fallback')"))
                .isEqualTo("webfallback|");
        assertThat(render("{{ config.get('missing') }}")).isEqualTo("");
    }

    @Test
    void viewsPrintAsListsInTextAsAnsiblePrintsThem() {
        assertThat(text("config.keys()")).isEqualTo("['name', 'port']|");
        assertThat(text("config.values()")).isEqualTo("['web', 80]|");
        assertThat(text("config.items()")).isEqualTo("[('name', 'web'), ('port', 80)]|");
    }

    @Test
    void viewsShowTheirPythonTypeThroughStringAndTypeDebug() {
        assertThat(text("config.keys() | string")).isEqualTo("dict_keys(['name', 'port'])|");
        assertThat(text("config.items() | type_debug")).isEqualTo("dict_items|");
    }

    @Test
    void viewsIterateAndFilterAsLists() {
        assertThat(text("'name' in config.keys()")).isEqualTo("True|");
        assertThat(text("config.keys() | list")).isEqualTo("['name', 'port']|");
        assertThat(render("{% for k, v in config.items() %}{{ k }}={{ v }};{% endfor %}"))
                .isEqualTo("name=web;port=80;");
        assertThat(render("{{ config.keys() }}")).isEqualTo(List.of("name", "port"));
    }

    @Test
    void aViewIsNotJsonSerializable() {
        assertThat(failure("config.keys() | to_json"))
                .isEqualTo(typeError("config.keys() | to_json", "Object of type dict_keys is not JSON serializable"));
    }

    @Test
    void aMethodPythonLacksIsAnUndefinedAttribute() {
        assertThat(catchThrowable(() -> text("'abc'.nosuch()")))
                .isInstanceOf(UndefinedVariableException.class)
                .hasMessage("'str object' has no attribute 'nosuch'");
    }

    @Test
    void aMethodOfAnUndefinedValueNamesTheUndefinedValue() {
        assertThat(catchThrowable(() -> text("missing.split()")))
                .isInstanceOf(UndefinedVariableException.class)
                .hasMessage("'missing' is undefined");
    }

    @Test
    void copyGivesAnEqualDictOrList() {
        assertThat(text("config.copy()")).isEqualTo("{'name': 'web', 'port': 80}|");
        assertThat(text("numbers.copy()")).isEqualTo("[3, 1, 3, 2]|");
    }

    @Test
    void listIndexAndCountUsePythonEquality() {
        assertThat(text("numbers.index(2)")).isEqualTo("3|");
        assertThat(text("numbers.index(3, 1)")).isEqualTo("2|");
        assertThat(text("numbers.count(3)")).isEqualTo("2|");
        assertThat(text("[1, 2].index(2.0)")).isEqualTo("1|");
        assertThat(failure("[1].index(5)")).isEqualTo("5 is not in list");
    }

    @Test
    void wrongArgumentsFailWithPythonsTypeErrors() {
        assertThat(failure("config.get()"))
                .isEqualTo(typeError("config.get()", "get expected at least 1 argument, got 0"));
        assertThat(failure("'abc'.startswith()"))
                .isEqualTo(typeError("'abc'.startswith()", "startswith() takes at least 1 argument (0 given)"));
        assertThat(failure("'abc'.split(1)")).isEqualTo(typeError("'abc'.split(1)", "must be str or None, not int"));
        assertThat(failure("'abc'.upper(1)"))
                .isEqualTo(typeError("'abc'.upper(1)", "str.upper() takes no arguments (1 given)"));
        assertThat(failure("'abc'.join()"))
                .isEqualTo(typeError("'abc'.join()", "str.join() takes exactly one argument (0 given)"));
        assertThat(failure("'abc'.count('a', start=1)"))
                .isEqualTo(typeError("'abc'.count('a', start=1)", "count() takes no keyword arguments"));
        assertThat(failure("config.get('a', default=1)"))
                .isEqualTo(typeError("config.get('a', default=1)", "dict.get() takes no keyword arguments"));
        assertThat(failure("'a'.split(x=1)"))
                .isEqualTo(typeError("'a'.split(x=1)", "'x' is an invalid keyword argument for split()"));
    }

    @Test
    void anEmptySeparatorFailsAsPythonsValueError() {
        assertThat(failure("'a'.split('')")).isEqualTo("empty separator");
    }

    @Test
    void javaOnlyMethodsStillResolveAsBefore() {
        assertThat(render("{% set _ = numbers.append(4) %}{{ numbers | length }}"))
                .isEqualTo("5");
    }
}
