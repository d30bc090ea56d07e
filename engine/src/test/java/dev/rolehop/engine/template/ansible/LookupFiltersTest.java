package dev.rolehop.engine.template.ansible;

import static dev.rolehop.engine.template.ansible.Render.render;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LookupFiltersTest {
    @Test
    void extractLooksEachItemUpInTheContainer() {
        assertThat(render("{{ ['a', 'b'] | map('extract', {'a': 1, 'b': 2}) | list }}"))
                .isEqualTo("[1, 2]");
    }

    @Test
    void extractFollowsMoreKeys() {
        assertThat(render("{{ 0 | extract([[1, 2]], 1) }}")).isEqualTo("2");
    }

    @Test
    void extractOfAMissingKeyIsUndefined() {
        assertThatThrownBy(() -> render("{{ 'zz' | extract({'a': 1}) }}"))
                .rootCause()
                .hasMessage("'dict object' has no attribute 'zz'");
    }

    @Test
    void rekeyOnMemberKeysItemsByTheMember() {
        assertThat(render("{{ users | rekey_on_member('name') }}", Fixtures.users()))
                .isEqualTo("{'a': {'name': 'a', 'age': 3}, 'b': {'name': 'b', 'age': 5}}");
    }

    @Test
    void rekeyOnMemberRejectsDuplicates() {
        assertThatThrownBy(() -> render("{{ [{'n': 1}, {'n': 1}] | rekey_on_member('n') }}"))
                .rootCause()
                .hasMessage("Key 1 is not unique, cannot correctly turn into dict");
    }

    @Test
    void urldecodeDecodesPlusAndPercent() {
        assertThat(render("{{ 'a%20b+c%2F' | urldecode }}")).isEqualTo("a b c/");
    }
}
