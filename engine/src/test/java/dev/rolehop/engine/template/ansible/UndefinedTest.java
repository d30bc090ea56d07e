package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the plugins do when the engine resolves missing names to {@link Undefined}. */
class UndefinedTest {
    private static final Map<String, Object> VARS = vars();

    private static Map<String, Object> vars() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("missing", Undefined.variable("missing"));
        vars.put("nothing", null);
        vars.put("zz", Undefined.attribute(Map.of(), "zz"));
        return vars;
    }

    @Test
    void defaultReplacesAnUndefinedValue() {
        assertThat(render("{{ missing | default('x') }}", VARS)).isEqualTo("x");
    }

    @Test
    void mandatoryNamesTheUndefinedVariable() {
        assertThatThrownBy(() -> render("{{ zz | mandatory }}", VARS))
                .rootCause()
                .hasMessage("Mandatory variable 'zz'  not defined.");
    }

    @Test
    void otherFiltersFailOnAnUndefinedInput() {
        assertThatThrownBy(() -> render("{{ missing | string }}", VARS))
                .rootCause()
                .hasMessage("'missing' is undefined")
                .isInstanceOfSatisfying(
                        AnsibleFilterError.class,
                        e -> assertThat(e.pythonType()).isEqualTo("AnsibleUndefinedVariable"));
    }

    @Test
    void filtersFailOnAnUndefinedArgument() {
        assertThatThrownBy(() -> render("{{ 1 | ternary(missing, 2) }}", VARS))
                .rootCause()
                .hasMessage("'missing' is undefined");
    }

    @Test
    void filtersFailOnAnUndefinedItemTheyTouch() {
        assertThatThrownBy(() -> render("{{ x | select | list }}", Map.of("x", Arrays.asList(1, VARS.get("missing")))))
                .rootCause()
                .hasMessage("'missing' is undefined");
    }

    @Test
    void aMissingAttributeNamesItsOwner() {
        assertThatThrownBy(() -> render("{{ zz | int }}", VARS))
                .rootCause()
                .hasMessage("'dict object' has no attribute 'zz'");
    }

    @Test
    void testsTellUndefinedFromNone() {
        assertThat(render("{{ missing is defined }} {{ missing is none }} {{ nothing is none }}", VARS))
                .isEqualTo("False False True");
    }

    @Test
    void typeTestsAreFalseForUndefined() {
        assertThat(render("{{ missing is string }}", VARS)).isEqualTo("False");
    }
}
