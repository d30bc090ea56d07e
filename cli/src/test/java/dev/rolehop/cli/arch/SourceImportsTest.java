package dev.rolehop.cli.arch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN.md's arrows on the main sources' text: what {@link ArchitectureTest} cannot see in byte
 * code, a compile-time constant of a forbidden class ({@code TaskResult.Internal.VERBOSE_ALWAYS}),
 * whose value javac copies. A file breaks a rule when a line of code (not a comment) names a
 * forbidden package, in an import or fully qualified.
 */
class SourceImportsTest {

    /** The checkout: the tests run in the cli module's folder. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    /**
     * Files that break a rule today and that work on another branch fixes (empty since the typed
     * task result replaced the built-in modules' use of executor.TaskResult's constants). Each
     * entry must still break its rule: the list only shrinks.
     */
    private static final Set<String> BUILTIN_KNOWN_VIOLATIONS = Set.of();

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(
                        "built-in modules do not import the executor",
                        "engine/src/main/java/dev/rolehop/engine/builtin",
                        List.of("dev.rolehop.engine.executor."),
                        BUILTIN_KNOWN_VIOLATIONS),
                rule(
                        "the executor does not import the output package",
                        "engine/src/main/java/dev/rolehop/engine/executor",
                        "dev.rolehop.engine.output."),
                rule(
                        "the engine imports neither the AWS SDK nor aws, creds, local or the cli",
                        "engine/src/main/java",
                        "software.amazon.",
                        "dev.rolehop.aws.",
                        "dev.rolehop.creds.",
                        "dev.rolehop.local.",
                        "dev.rolehop.cli."),
                rule(
                        "creds imports neither the engine nor aws, local or the cli",
                        "creds/src/main/java",
                        "dev.rolehop.engine.",
                        "dev.rolehop.aws.",
                        "dev.rolehop.local.",
                        "dev.rolehop.cli."),
                rule(
                        "aws imports neither local nor the cli",
                        "aws/src/main/java",
                        "dev.rolehop.local.",
                        "dev.rolehop.cli."),
                rule(
                        "local imports no other rolehop module",
                        "local/src/main/java",
                        "dev.rolehop.engine.",
                        "dev.rolehop.aws.",
                        "dev.rolehop.creds.",
                        "dev.rolehop.python.",
                        "dev.rolehop.cli."),
                rule(
                        "python imports no other rolehop module",
                        "python/src/main/java",
                        "dev.rolehop.engine.",
                        "dev.rolehop.aws.",
                        "dev.rolehop.creds.",
                        "dev.rolehop.local.",
                        "dev.rolehop.cli."));
    }

    private static Arguments rule(String sentence, String folder, String... forbidden) {
        return Arguments.of(sentence, folder, List.of(forbidden), Set.of());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void mainSourcesNameNoForbiddenPackage(String sentence, String folder, List<String> forbidden, Set<String> known) {
        Set<String> breaking =
                filesNaming(ROOT.resolve(folder), line -> forbidden.stream().anyMatch(line::contains));
        Set<String> unexpected = new TreeSet<>(breaking);
        unexpected.removeAll(known);

        assertThat(unexpected).as(sentence + ": files naming " + forbidden).isEmpty();
        known.forEach(file -> assertThat(breaking)
                .as(file + " no longer breaks '" + sentence + "': remove it from BUILTIN_KNOWN_VIOLATIONS")
                .contains(file));
    }

    /** The files under {@code folder} (relative to the checkout) with a code line the predicate accepts. */
    private static Set<String> filesNaming(Path folder, Predicate<String> forbidden) {
        Set<String> files = new TreeSet<>();
        if (!Files.isDirectory(folder)) {
            return files; // the python module, before it exists
        }
        try (Stream<Path> sources = Files.walk(folder)) {
            for (Path source : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
                if (Files.readAllLines(source).stream()
                        .map(String::strip)
                        .filter(SourceImportsTest::isCode)
                        .anyMatch(forbidden)) {
                    files.add(ROOT.relativize(source).toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static boolean isCode(String line) {
        return !line.startsWith("*") && !line.startsWith("/*") && !line.startsWith("//");
    }
}
