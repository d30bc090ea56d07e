package dev.rolehop.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TagChangesTest {

    @Test
    void equalTagsNeedNoChange() {
        assertThat(TagChanges.of(Map.of("env", "lab"), Map.of("env", "lab"), true)
                        .isEmpty())
                .isTrue();
    }

    @Test
    void purgingRemovesUnwantedTagsButNeverAwsOnes() {
        var changes = TagChanges.of(Map.of("env", "lab", "aws:cloudformation:stack", "x"), Map.of(), true);
        assertThat(changes.remove()).containsExactly("env");
    }

    @Test
    void withoutPurgeOnlyNewAndChangedValuesAreSet() {
        var changes = TagChanges.of(Map.of("env", "lab", "team", "a"), Map.of("env", "prod"), false);
        assertThat(changes.set()).isEqualTo(Map.of("env", "prod"));
        assertThat(changes.remove()).isEqualTo(List.of());
    }

    @Test
    void nonStringValuesCompareAsText() {
        assertThat(TagChanges.of(Map.of("n", "1"), Map.of("n", 1), true).isEmpty())
                .isTrue();
    }

    @Test
    void booleansAreSentAsPythonWritesThem() {
        assertThat(TagChanges.of(Map.of(), Map.of("public", true), true).set()).isEqualTo(Map.of("public", "True"));
    }
}
