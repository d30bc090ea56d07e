package dev.rolehop.engine.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyValueArgsTest {

    @Test
    void quotedValuesKeepTheirSpaces() {
        assertThat(KeyValueArgs.parse("msg=\"hello there\" verbosity=1", false))
                .isEqualTo(Map.of("msg", "hello there", "verbosity", "1"));
    }

    @Test
    void templatesAreNeverSplit() {
        assertThat(KeyValueArgs.parse("msg={{ a | default('x y') }}", false))
                .isEqualTo(Map.of("msg", "{{ a | default('x y') }}"));
    }

    @Test
    void freeFormModulesKeepUnknownWordsAsRawParams() {
        assertThat(KeyValueArgs.parse("echo a=b creates=/tmp/x", true))
                .isEqualTo(Map.of("_raw_params", "echo a=b", "creates", "/tmp/x"));
    }
}
