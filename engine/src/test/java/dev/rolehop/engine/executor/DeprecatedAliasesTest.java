package dev.rolehop.engine.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.DeprecatedAlias;
import dev.rolehop.engine.module.Deprecation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeprecatedAliasesTest {

    private static final ArgumentSpec SPEC = ArgumentSpec.of(
            Argument.of("session_token", ArgumentType.STR)
                    .withAliases("aws_session_token", "security_token")
                    .withDeprecatedAliases(DeprecatedAlias.byDate("security_token", "2024-12-01", "amazon.aws")),
            Argument.of("region", ArgumentType.STR));

    @Test
    void aDeprecatedAliasGivesAnsiblesDeprecation() {
        assertThat(ArgumentValidator.deprecations(SPEC, Map.of("security_token", "t", "region", "r")))
                .containsExactly(new Deprecation(
                        "Alias 'security_token' is deprecated. See the module docs for more information",
                        null,
                        "2024-12-01",
                        "amazon.aws"));
    }

    @Test
    void anAliasThatIsNotDeprecatedGivesNone() {
        assertThat(ArgumentValidator.deprecations(SPEC, Map.of("aws_session_token", "t")))
                .isEmpty();
    }

    @Test
    void anOptionGivenByNameAndByAliasGivesAnsiblesWarning() {
        assertThat(ArgumentValidator.aliasWarnings(SPEC, Map.of("session_token", "a", "aws_session_token", "b")))
                .containsExactly("Both option session_token and its alias aws_session_token are set.");
    }

    @Test
    void aDeprecatedAliasMustBeOneOfTheArgumentsAliases() {
        assertThatThrownBy(() -> Argument.of("region", ArgumentType.STR)
                        .withAliases("aws_region")
                        .withDeprecatedAliases(DeprecatedAlias.byDate("ec2_region", "2024-12-01", "amazon.aws")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ec2_region'");
    }
}
