package dev.rolehop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Exit codes are named in one place, {@link dev.rolehop.engine.error.ExitCode}: the commands and
 * the engine's exit decision return its constants, never a number of their own.
 */
class ExitCodeLiteralsTest {

    /** Where exit codes are decided: every command, and the engine's exit decision. */
    private static final List<String> DECIDERS = List.of(
            "cli/src/main/java",
            "engine/src/main/java/dev/rolehop/engine/Engine.java",
            "engine/src/main/java/dev/rolehop/engine/Listing.java",
            "engine/src/main/java/dev/rolehop/engine/executor/PlaybookRunner.java");

    /** A number returned, passed to exit/halt, chosen by a ternary, or given a constant of its own. */
    private static final Pattern EXIT_CODE_LITERAL =
            Pattern.compile("return\\s+-?\\d+\\s*;|(exit|halt)\\(\\s*-?\\d+|\\?\\s*-?\\d+\\s*:\\s*-?\\d+\\s*;"
                    + "|static final int (EXIT\\w*|\\w*_?CODE\\w*|OK|HOST_\\w+)\\s*=");

    @Test
    void noCommandNorTheEnginesExitDecisionReturnsANumberOfItsOwn() {
        assertThat(MainSources.linesMatching(EXIT_CODE_LITERAL, DECIDERS))
                .as("exit codes written as numbers; use ExitCode's constants")
                .isEmpty();
    }
}
