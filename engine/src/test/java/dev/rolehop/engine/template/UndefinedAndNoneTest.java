package dev.rolehop.engine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The templar tells an undefined variable from one set to None, as Ansible 2.14 does. */
class UndefinedAndNoneTest {

    private final Templar templar = new Templar(Map.of());

    private static Map<String, Object> vars() {
        Map<String, Object> vars = new HashMap<>();
        vars.put("nothing", null);
        vars.put("d", Map.of("k", "v"));
        vars.put("l", List.of(1L, 2L));
        return vars;
    }

    private Object render(String template) {
        return templar.template(template, vars());
    }

    @Test
    void aVariableSetToNoneIsDefinedAndNone() {
        assertThat(render("{{ nothing is defined }}")).isEqualTo(true);
        assertThat(render("{{ nothing is none }}")).isEqualTo(true);
    }

    @Test
    void aMissingVariableIsUndefinedAndNotNone() {
        assertThat(render("{{ missing is defined }}")).isEqualTo(false);
        assertThat(render("{{ missing is undefined }}")).isEqualTo(true);
        assertThat(render("{{ missing is none }}")).isEqualTo(false);
    }

    @Test
    void defaultReplacesUndefinedButKeepsNone() {
        assertThat(render("{{ missing | default('fallback') }}")).isEqualTo("fallback");
        assertThat(render("{{ nothing | default('unused') }}")).isEqualTo("");
    }

    @Test
    void anAttributeOfAnUndefinedVariableIsUndefinedToo() {
        assertThat(render("{{ missing.deep | default('deep') }}")).isEqualTo("deep");
    }

    @Test
    void jinja2NoneLiteralsAreNone() {
        assertThat(render("{{ none is none }} {{ None is none }}")).isEqualTo("True True");
    }

    @Test
    void mandatoryNamesTheUndefinedVariable() {
        assertThatThrownBy(() -> render("{{ not_given | mandatory }}"))
                .isExactlyInstanceOf(TemplateException.class)
                .hasMessage("Mandatory variable 'not_given'  not defined.");
    }

    @Test
    void printingAnUndefinedVariableInsideTextFails() {
        assertThatThrownBy(() -> render("x {{ missing }}"))
                .isInstanceOf(UndefinedVariableException.class)
                .hasMessage("'missing' is undefined");
    }

    @Test
    void aMissingListElementIsWordedAsJinja2() {
        assertThatThrownBy(() -> render("{{ l[5] }}"))
                .isInstanceOf(UndefinedVariableException.class)
                .hasMessage("list object has no element 5");
    }

    @Test
    void aKeySetToNoneIsNoneNotUndefined() {
        Map<String, Object> holder = new HashMap<>();
        holder.put("k", null);
        assertThat(templar.template("{{ h.k is none }}", Map.of("h", holder))).isEqualTo(true);
    }

    @Test
    void comparingAnUndefinedVariableInAConditionalFails() {
        assertThatThrownBy(() -> templar.evaluateConditional("ghost == 'x'", vars()))
                .isInstanceOf(UndefinedVariableException.class)
                .hasMessage("'ghost' is undefined");
    }

    @Test
    void theTruthOfAnUndefinedVariableInAConditionalFails() {
        assertThatThrownBy(() -> templar.evaluateConditional("ghost", vars()))
                .isInstanceOf(UndefinedVariableException.class)
                .hasMessage("'ghost' is undefined");
    }

    @Test
    void aConditionalMayTestWhetherAVariableIsDefined() {
        assertThat(templar.evaluateConditional("ghost is not defined", vars())).isTrue();
        assertThat(templar.evaluateConditional("nothing is defined", vars())).isTrue();
    }

    /** A view like {@code hostvars}: its only host's variables hold the view again. */
    private static final class SelfHoldingView extends java.util.AbstractMap<String, Object>
            implements OpaqueVariables {
        @Override
        public java.util.Set<Entry<String, Object>> entrySet() {
            return java.util.Set.of(new SimpleEntry<>("self", this));
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }
    }

    @Test
    void aResultHoldingAViewOfItselfIsNotSearchedForUndefinedValues() {
        SelfHoldingView view = new SelfHoldingView();
        Object result = templar.template("{{ {'v': hv} }}", Map.of("hv", view));
        assertThat(result)
                .isInstanceOfSatisfying(
                        Map.class, map -> assertThat(map.get("v")).isEqualTo(view));
    }
}
