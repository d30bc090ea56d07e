package dev.rolehop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.engine.builtin.BuiltinModules;
import dev.rolehop.engine.executor.Prompter;
import dev.rolehop.engine.executor.RunOptions;
import dev.rolehop.engine.module.ModuleRegistry;
import dev.rolehop.engine.playbook.Keyword;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * For every keyword of the keyword table, a value of the wrong type gives what ansible-core 2.14
 * gives: the playbooks and goldens of {@code src/test/resources/keyword-types/<keyword>/} are
 * generated from the table and recorded from ansible-playbook by
 * {@code engine/src/test/keyword-types/record}, and run here in-process. Keywords rolehop refuses
 * (listed in {@code REFUSED}) must be refused by name instead; differences not fixed yet are listed,
 * with a reason, in {@code KNOWN_DIFFERENCES} (a list that only shrinks).
 */
class KeywordTypesTest {

    private static final Path CASES = Path.of("src/test/resources/keyword-types");

    @TempDir
    Path work;

    @Test
    void everyKeywordOfTheTableHasARecordedGolden() {
        List<String> missing = new ArrayList<>();
        for (Keyword keyword : Keyword.values()) {
            Path folder = CASES.resolve(keyword.key());
            if (!Files.isRegularFile(folder.resolve("expected.stdout"))
                    || !Files.isRegularFile(folder.resolve("expected.rc"))) {
                missing.add(keyword.key());
            }
        }
        assertThat(missing)
                .as("keywords without a golden: run engine/src/test/keyword-types/record")
                .isEmpty();
    }

    @TestFactory
    Stream<DynamicTest> aValueOfTheWrongTypeGivesAnsiblesResult() {
        Map<String, String> known = listed("KNOWN_DIFFERENCES");
        Map<String, String> refused = listed("REFUSED");
        return Stream.of(Keyword.values())
                .map(Keyword::key)
                .map(key -> DynamicTest.dynamicTest(key, () -> {
                    Run run = run(key);
                    if (refused.containsKey(key)) {
                        assertThat(run.rc).as("exit code of a refused keyword").isEqualTo(4);
                        assertThat(run.stderr).contains("'" + key + "' is not supported by rolehop");
                        return;
                    }
                    String expected = read(CASES.resolve(key).resolve("expected.stdout"));
                    int expectedRc = Integer.parseInt(
                            read(CASES.resolve(key).resolve("expected.rc")).strip());
                    boolean same = expected.equals(run.stdout) && expectedRc == run.rc;
                    if (known.containsKey(key)) {
                        assertThat(same)
                                .as("%s is listed in KNOWN_DIFFERENCES but matches now: remove it", key)
                                .isFalse();
                        return;
                    }
                    assertThat(run.stdout)
                            .as("stdout for %s (stderr: %s)", key, run.stderr)
                            .isEqualTo(expected);
                    assertThat(run.rc).as("exit code for %s", key).isEqualTo(expectedRc);
                }));
    }

    private record Run(String stdout, String stderr, int rc) {}

    private Run run(String key) throws IOException {
        Path dir = work.resolve(key);
        Files.createDirectories(dir);
        Files.copy(CASES.resolve(key).resolve("playbook.yml"), dir.resolve("playbook.yml"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Engine engine = new Engine(new ModuleRegistry(new BuiltinModules().modules()), Prompter.none(), delay -> {});
        int rc = engine.run(
                new PlayRequest(
                        List.of(dir.resolve("playbook.yml")),
                        List.of(),
                        RunOptions.defaults().withEnvironment(Map.of("PATH", "/usr/bin:/bin")),
                        PlayRequest.Mode.RUN,
                        false),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        String stdout = out.toString(StandardCharsets.UTF_8)
                .replace(dir.toRealPath().toString(), "<CASE>")
                .replace(dir.toString(), "<CASE>");
        return new Run(stdout, err.toString(StandardCharsets.UTF_8), rc);
    }

    /** A list of keywords, one a line with a reason after it; {@code #} starts a comment. */
    private static Map<String, String> listed(String file) {
        Map<String, String> listed = new LinkedHashMap<>();
        for (String line : read(CASES.resolve(file)).split("\n")) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                int space = entry.indexOf(' ');
                listed.put(space < 0 ? entry : entry.substring(0, space), space < 0 ? "" : entry.substring(space + 1));
            }
        }
        return listed;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
