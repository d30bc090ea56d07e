package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.eval;
import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CoreFiltersTest {
    @Test
    void defaultReplacesAnUndefinedVariable() {
        assertThat(render("{{ missing | default('x') }}")).isEqualTo("x");
    }

    @Test
    void defaultKeepsAnEmptyStringWithoutTheBooleanFlag() {
        assertThat(render("[{{ v | default('x') }}]", Map.of("v", ""))).isEqualTo("[]");
    }

    @Test
    void defaultWithBooleanTrueReplacesFalseValues() {
        assertThat(render("{{ v | default('x', true) }}", Map.of("v", ""))).isEqualTo("x");
    }

    @Test
    void defaultAcceptsBooleanAsKeyword() {
        assertThat(render("{{ v | default('x', boolean=true) }}", Map.of("v", 0)))
                .isEqualTo("x");
    }

    @Test
    void dIsAnAliasOfDefault() {
        assertThat(render("{{ missing | d('y') }}")).isEqualTo("y");
    }

    @Test
    void defaultWithoutArgumentGivesTheEmptyString() {
        assertThat(render("[{{ missing | default }}]")).isEqualTo("[]");
    }

    @Test
    void defaultKeepsTheNativeTypeOfTheDefault() {
        assertThat(eval("missing | default([1])")).isEqualTo(java.util.List.of(1L));
    }

    @Test
    void mandatoryFailsOnAnUndefinedVariableWithAnsiblesMessage() {
        assertThatThrownBy(() -> render("{{ missing | mandatory }}"))
                .hasRootCauseInstanceOf(AnsibleFilterError.class)
                .rootCause()
                .hasMessage("Mandatory variable 'missing'  not defined.");
    }

    @Test
    void mandatoryUsesTheGivenMessage() {
        assertThatThrownBy(() -> render("{{ missing | mandatory('set it') }}"))
                .rootCause()
                .hasMessage("set it");
    }

    @Test
    void mandatoryPassesADefinedValue() {
        assertThat(render("{{ v | mandatory }}", Map.of("v", "ok"))).isEqualTo("ok");
    }

    @Test
    void boolTurnsYesIntoTrue() {
        assertThat(eval("'Yes' | bool")).isEqualTo(true);
    }

    @Test
    void boolTurnsOtherStringsIntoFalse() {
        assertThat(eval("'enabled' | bool")).isEqualTo(false);
    }

    @Test
    void boolTurnsTheNumberOneIntoTrue() {
        assertThat(eval("1 | bool")).isEqualTo(true);
    }

    @Test
    void ternaryPicksTheTrueValueForATruthyInput() {
        assertThat(render("{{ (1 > 0) | ternary('yes', 'no') }}")).isEqualTo("yes");
    }

    @Test
    void ternaryPicksTheNoneValueForNone() {
        assertThat(render("{{ none | ternary('yes', 'no', 'none') }}")).isEqualTo("none");
    }

    @Test
    void typeDebugNamesPythonTypes() {
        assertThat(render("{{ [1] | type_debug }} {{ {'a': 1} | type_debug }} {{ 'a' | type_debug }}"))
                .isEqualTo("list dict str");
    }
}
