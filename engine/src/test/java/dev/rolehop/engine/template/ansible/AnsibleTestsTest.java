package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnsibleTestsTest {
    @Test
    void failedReadsTheFailedFlag() {
        assertThat(render("{{ r is failed }}", Map.of("r", Map.of("failed", true))))
                .isEqualTo("True");
    }

    @Test
    void succeededIsTheOppositeOfFailed() {
        assertThat(render("{{ r is succeeded }} {{ r is success }}", Map.of("r", Map.of("failed", false))))
                .isEqualTo("True True");
    }

    @Test
    void resultTestsRequireADictionary() {
        assertThatThrownBy(() -> render("{{ 'x' is failed }}"))
                .rootCause()
                .hasMessage("The 'failed' test expects a dictionary");
    }

    @Test
    void changedLooksIntoLoopResults() {
        Map<String, Object> result = Map.of("results", List.of(Map.of("changed", false), Map.of("changed", true)));
        assertThat(render("{{ r is changed }}", Map.of("r", result))).isEqualTo("True");
    }

    @Test
    void skippedIsFalseWithoutTheFlag() {
        assertThat(render("{{ r is skipped }} {{ r is skip }}", Map.of("r", Map.of())))
                .isEqualTo("False False");
    }

    @Test
    void matchIsAnchoredAtTheStart() {
        assertThat(render("{{ 'foobar' is match('foo') }} {{ 'foobar' is match('bar') }}"))
                .isEqualTo("True False");
    }

    @Test
    void searchFindsAnywhere() {
        assertThat(render("{{ 'foobar' is search('bar') }}")).isEqualTo("True");
    }

    @Test
    void searchTakesIgnorecaseByKeyword() {
        assertThat(render("{{ 'FOO' is search('foo', ignorecase=true) }}")).isEqualTo("True");
    }

    @Test
    void regexTakesMatchTypeByKeyword() {
        assertThat(render("{{ 'foobar' is regex('bar', match_type='match') }}")).isEqualTo("False");
    }

    @Test
    void versionComparesLooselyByDefault() {
        assertThat(render("{{ '1.2.10' is version('1.2.9', '>') }}")).isEqualTo("True");
    }

    @Test
    void looseVersionsOfDifferentLengthDiffer() {
        assertThat(render("{{ '1.2' is version('1.2.0', '==') }}")).isEqualTo("False");
    }

    @Test
    void strictVersionsPadThePatchLevel() {
        assertThat(render("{{ '1.2' is version('1.2.0', '==', strict=true) }}")).isEqualTo("True");
    }

    @Test
    void strictPreReleasesComeBeforeTheRelease() {
        assertThat(render("{{ '1.2a1' is version('1.2', '<', strict=true) }}")).isEqualTo("True");
    }

    @Test
    void strictRejectsAnInvalidVersion() {
        assertThatThrownBy(() -> render("{{ '1.2.x' is version('1.2', '<', strict=true) }}"))
                .rootCause()
                .hasMessage("Version comparison failed: invalid version number '1.2.x'");
    }

    @Test
    void semverOrdersPreReleaseIdentifiers() {
        assertThat(render("{{ '1.0.0-alpha.1' is version('1.0.0-alpha.beta', '<', version_type='semver') }}"))
                .isEqualTo("True");
    }

    @Test
    void semverRejectsTwoComponents() {
        assertThatThrownBy(() -> render("{{ '1.0' is version('1.0.0', '<', version_type='semver') }}"))
                .rootCause()
                .hasMessage("Version comparison failed: invalid semantic version '1.0'");
    }

    @Test
    void looseComparisonOfTextWithANumberFailsAsInPython() {
        assertThatThrownBy(() -> render("{{ '1.2rc1' is version('1.2.1', 'lt') }}"))
                .rootCause()
                .hasMessage("Version comparison failed: '<' not supported between instances of 'str' and 'int'");
    }

    @Test
    void versionRejectsAnUnknownOperator() {
        assertThatThrownBy(() -> render("{{ '1.2' is version('1.3', 'bad') }}"))
                .rootCause()
                .hasMessage("Invalid operator type (bad). Must be one of '==', '=', 'eq', '<', 'lt', "
                        + "'<=', 'le', '>', 'gt', '>=', 'ge', '!=', '<>', 'ne'");
    }

    @Test
    void versionRejectsAnEmptyValue() {
        assertThatThrownBy(() -> render("{{ '' is version('1.3') }}"))
                .rootCause()
                .hasMessage("Input version value cannot be empty");
    }

    @Test
    void versionCompareIsAnAlias() {
        assertThat(render("{{ '2.14.3' is version_compare('2.14', '>=') }}")).isEqualTo("True");
    }

    @Test
    void truthyCanConvertBooleanWords() {
        assertThat(render("{{ 'no' is truthy }} {{ 'no' is truthy(convert_bool=true) }}"))
                .isEqualTo("True False");
    }

    @Test
    void anyAndAllTestTheItems() {
        assertThat(render("{{ [1, 0] is any }} {{ [1, 0] is all }}")).isEqualTo("True False");
    }

    @Test
    void subsetAndSuperset() {
        assertThat(render("{{ [1, 2] is subset([1, 2, 3]) }} {{ [1, 2, 3] is superset([1, 4]) }}"))
                .isEqualTo("True False");
    }

    @Test
    void containsLooksForTheItem() {
        assertThat(render("{{ [1, 2] is contains(2) }}")).isEqualTo("True");
    }

    @Test
    void selectattrWithMatch() {
        assertThat(render("{{ users | selectattr('name', 'match', 'b') | list | length }}", Fixtures.users()))
                .isEqualTo("1");
    }
}
