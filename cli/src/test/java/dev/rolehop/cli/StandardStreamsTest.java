package dev.rolehop.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Output streams are injected: {@link Main#main} (and a daemon's {@link DaemonMain#main}) hands the process's standard output and error to
 * {@link Main#run}, and no command or engine class takes them from {@link System} itself (so a
 * test runs any of them in-process with its own streams).
 */
class StandardStreamsTest {

    @Test
    void onlyMainNamesTheProcesssStandardStreams() {
        List<String> found = MainSources.linesMatching(
                Pattern.compile("System\\.(out|err)\\b|System\\.set(Out|Err)\\("),
                List.of("cli/src/main/java", "engine/src/main/java"));

        assertThat(found)
                .as("the two entry points: the command, and a warm daemon's, whose standard error is its log")
                .hasSize(2)
                .anySatisfy(line -> assertThat(line)
                        .startsWith("cli/src/main/java/dev/rolehop/cli/Main.java:")
                        .endsWith(": int code = run(System.out, System.err, args);"))
                .anySatisfy(line -> assertThat(line)
                        .startsWith("cli/src/main/java/dev/rolehop/cli/DaemonMain.java:")
                        .endsWith(": System.exit(serve(args, System.err));"));
    }
}
