package dev.rolehop.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.executor.SecretMasker;
import dev.rolehop.engine.module.DeprecatedAlias;
import dev.rolehop.engine.module.Deprecation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DeprecationDisplayTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Display display = new Display(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            false,
            0,
            new SecretMasker());

    @Test
    void aDeprecatedAliasIsPrintedOnStderrWrappedKeepingTheSpacesAtLineEndsAsAnsible() {
        display.deprecated(DeprecatedAlias.byDate("security_token", "2024-12-01", "amazon.aws")
                .deprecation());

        // ansible-core 2.14's get_deprecation_message, wrapped by textwrap.wrap(..., 79, drop_whitespace=False)
        assertThat(err.toString(StandardCharsets.UTF_8))
                .isEqualTo("[DEPRECATION WARNING]: Alias 'security_token' is deprecated. See the module \n"
                        + "docs for more information. This feature will be removed from amazon.aws in a \n"
                        + "release after 2024-12-01. Deprecation warnings can be disabled by setting \n"
                        + "deprecation_warnings=False in ansible.cfg.\n");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theSameDeprecationIsPrintedOnce() {
        Deprecation deprecation = new Deprecation("Old thing", "3.0.0", null, null);

        display.deprecated(deprecation);
        display.deprecated(deprecation);

        assertThat(err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("[DEPRECATION WARNING]")))
                .hasSize(1);
    }

    @Test
    void theMessageNamesTheVersionWhenThereIsNoDateAndAnsibleCoreForTheBuiltinCollection() {
        assertThat(Display.deprecationMessage(new Deprecation("Old thing", "2.16", null, "ansible.builtin")))
                .isEqualTo("[DEPRECATION WARNING]: Old thing. This feature will be removed from ansible-core in "
                        + "version 2.16. Deprecation warnings can be disabled by setting deprecation_warnings=False "
                        + "in ansible.cfg.");
    }
}
