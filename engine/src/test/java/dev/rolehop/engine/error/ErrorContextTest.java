package dev.rolehop.engine.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErrorContextTest {

    @TempDir
    Path dir;

    private String locate(String text, int line, int column) throws Exception {
        Path file = dir.resolve("play.yml");
        Files.writeString(file, text);
        return ErrorContext.locate(new Position(file.toString(), line, column));
    }

    @Test
    void aTemplateOnTheOffendingLineGetsTheMissingQuotesHint() throws Exception {
        assertThat(locate("tasks:\n  - debug: msg=\"{{ x }}\"\n", 2, 5))
                .endsWith("^ here\n" + YamlHints.UNQUOTED_VARIABLE);
    }

    @Test
    void aValueThatStartsWithAQuoteAndGoesOnGetsThePartiallyQuotedHint() throws Exception {
        assertThat(locate("- debug:\n    msg: \"ok\" in result.stdout\n", 2, 15))
                .endsWith("^ here\n" + YamlHints.PARTIALLY_QUOTED_LINE);
    }

    @Test
    void twoQuotedStringsInOneValueGetTheUnbalancedQuotesHint() throws Exception {
        assertThat(locate("- debug:\n    msg: \"bad\" \"wolf\"\n", 2, 16))
                .endsWith("^ here\n" + YamlHints.UNBALANCED_QUOTES);
    }

    @Test
    void aTabOnTheOffendingLineGetsTheTabHint() throws Exception {
        assertThat(locate("tasks:\n\t- debug: msg=hi\n", 2, 1)).endsWith("^ here\n" + YamlHints.LEADING_TAB);
    }

    @Test
    void aPlainLineGetsNoHint() throws Exception {
        assertThat(locate("tasks:\n  - debug:\n", 2, 5)).endsWith("  - debug:\n    ^ here\n");
    }
}
