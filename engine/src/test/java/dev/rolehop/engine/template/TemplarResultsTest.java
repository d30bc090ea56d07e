package dev.rolehop.engine.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How one-expression results come back, and how failures are worded, as in ansible-core 2.14. */
class TemplarResultsTest {

    private final Templar templar = new Templar(Map.of());

    @TempDir
    Path dir;

    @Test
    void stringTypeFiltersKeepTheirTextEvenWhenItReadsAsAList() {
        assertThat(templar.template("{{ [1] | string }}", Map.of())).isEqualTo("[1]");
        assertThat(templar.template("{{ [1] | to_json }}", Map.of())).isEqualTo("[1]");
        assertThat(templar.template("{{ [1] | list }}", Map.of())).isEqualTo(java.util.List.of(1L));
    }

    @Test
    void aTupleComesBackAsItsText() {
        assertThat(templar.template("{{ 'file.tar.gz' | splitext }}", Map.of())).isEqualTo("('file.tar', '.gz')");
    }

    @Test
    void anExpressionGivingNoneRendersAsNothing() {
        assertThat(templar.template("{{ 'web' | regex_search('nomatch') }}", Map.of()))
                .isEqualTo("");
    }

    @Test
    void anExpressionEndingTooEarlyIsWordedAsJinja2() {
        assertThatThrownBy(() -> templar.template("{{ 1 + }}", Map.of()))
                .hasMessage("template error while templating string: unexpected 'end of print statement'. "
                        + "String: {{ 1 + }}. unexpected 'end of print statement'");
    }

    @Test
    void aLookupErrorIsWordedAsAnsiblesTemplar() {
        Map<String, Object> vars = Map.of("playbook_dir", dir.toString());
        assertThatThrownBy(() -> templar.template("{{ lookup('file', 'nope.txt') }}", vars))
                .isExactlyInstanceOf(TemplateException.class)
                .hasMessage("An unhandled exception occurred while running the lookup plugin 'file'. Error was a "
                        + "<class 'ansible.errors.AnsibleError'>, original message: could not locate file in lookup: "
                        + "nope.txt. could not locate file in lookup: nope.txt");
        assertThatThrownBy(() -> templar.template("{{ lookup('first_found', ['none.conf']) }}", vars))
                .isExactlyInstanceOf(TemplateException.class)
                .hasMessage("No file was found when using first_found.");
    }

    @Test
    void aMissingVariableInTheVarsLookupIsAnUndefinedVariable() {
        assertThatThrownBy(() -> templar.template("{{ lookup('vars', 'size_test') }}", Map.of()))
                .isInstanceOf(UndefinedVariableException.class)
                .hasMessage("No variable found with this name: size_test");
    }
}
