package dev.rolehop.cli.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential corpus: runs every case under {@code engine/src/test/resources/corpus} with the
 * packaged {@code rolehop play} (system property {@code rolehop.dist}) and compares its normalized
 * stdout and exit code exactly with the goldens recorded from ansible-playbook 2.14, printing a
 * unified diff for each mismatch and a closing line {@code corpus: N passed, M failed}.
 *
 * <p>A case listed in {@code KNOWN_FAILURES} may fail (it is reported as skipped, with its diff);
 * an unlisted case that fails, or a listed case that passes, fails the build. System properties:
 * {@code rolehop.corpus.only} (comma-separated case names, to run a few),
 * {@code rolehop.corpus.threads} (parallel runs, default 2). A full run rewrites the pass count
 * in {@code docs/corpus.md}.
 */
class CorpusIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    /** Printed lines of a report: known failures briefly (they are many while the engine grows). */
    private static final int KNOWN_FAILURE_LINES = 30;

    private static final int NEW_FAILURE_LINES = 300;
    private static final String COUNT_START = "<!-- corpus-count -->";
    private static final String COUNT_END = "<!-- /corpus-count -->";

    private static final AtomicInteger passed = new AtomicInteger();
    private static final AtomicInteger failed = new AtomicInteger();
    private static final AtomicInteger total = new AtomicInteger();
    private static volatile boolean fullRun;

    @TestFactory
    Stream<DynamicTest> everyCaseMatchesItsGoldenUnlessListedAsKnownFailure() throws IOException {
        Path corpus = corpusDir();
        KnownFailures known = KnownFailures.load(corpus);
        List<CorpusCase> cases = selectedCases(corpus);
        total.set(cases.size());
        Path dist = Path.of(System.getProperty("rolehop.dist", "target/rolehop-dist-missing"));
        Path launcher = dist.resolve("bin/rolehop");
        assertThat(launcher)
                .as("the packaged launcher (system property rolehop.dist)")
                .isExecutable();
        Path work = Files.createDirectories(Path.of("target", "corpus-work")).toAbsolutePath();
        // JAVA_HOME picks the launcher's JVM; a cache shared by all cases lets the launcher's
        // class-data-sharing archive be made once per run instead of once per (fresh) HOME.
        CaseRunner runner = new CaseRunner(
                List.of(launcher.toString(), "play"),
                Map.of(
                        "JAVA_HOME",
                        System.getProperty("java.home"),
                        "XDG_CACHE_HOME",
                        Files.createDirectories(work.resolve("cache")).toString()),
                work,
                TIMEOUT);

        int threads = Integer.getInteger("rolehop.corpus.threads", 2);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        List<Future<CorpusRun>> runs = new ArrayList<>();
        for (CorpusCase corpusCase : cases) {
            runs.add(pool.submit(() -> runner.run(corpusCase)));
        }
        pool.shutdown();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            CorpusCase corpusCase = cases.get(i);
            Future<CorpusRun> run = runs.get(i);
            tests.add(DynamicTest.dynamicTest(corpusCase.name(), () -> check(corpusCase, await(run), known)));
        }
        return tests.stream();
    }

    @Test
    void knownFailuresNameOnlyExistingCases() throws IOException {
        Path corpus = corpusDir();
        Set<String> names =
                caseDirs(corpus).stream().map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        assertThat(KnownFailures.load(corpus).reasons().keySet())
                .as("cases listed in %s", corpus.resolve(KnownFailures.FILE_NAME))
                .allMatch(names::contains, "is a case folder");
    }

    @AfterAll
    static void summarize() throws IOException {
        if (total.get() == 0) {
            return;
        }
        String summary = "corpus: " + passed.get() + " passed, " + failed.get() + " failed";
        System.out.println(summary);
        if (fullRun && passed.get() + failed.get() == total.get()) {
            writeCount(passed.get(), total.get());
        }
    }

    private static void check(CorpusCase corpusCase, CorpusRun run, KnownFailures known) {
        List<String> problems = new ArrayList<>();
        String diff = UnifiedDiff.diff(
                corpusCase.name() + "/expected.stdout",
                corpusCase.expectedStdout(),
                corpusCase.name() + " (rolehop play)",
                run.stdout());
        if (!diff.isEmpty()) {
            problems.add("stdout differs:\n" + diff);
        }
        if (run.rc() != corpusCase.expectedRc()) {
            problems.add("exit code " + run.rc() + ", expected " + corpusCase.expectedRc());
        }
        List<String> fragments = new ArrayList<>(corpusCase.stderrFragments());
        fragments.addAll(corpusCase.rolehopStderrFragments());
        for (String fragment : fragments) {
            if (!run.stderr().contains(fragment)) {
                problems.add("stderr lacks '" + fragment + "'");
            }
        }
        var reason = known.reason(corpusCase.name());
        if (problems.isEmpty()) {
            passed.incrementAndGet();
            if (reason.isPresent()) {
                fail(corpusCase.name() + " now matches ansible-playbook: remove its line from " + known.file()
                        + " (it said: " + reason.get() + ")");
            }
            return;
        }
        failed.incrementAndGet();
        String report = "corpus: " + corpusCase.name() + " does not match ansible-playbook 2.14:\n"
                + String.join("\n", problems) + stderrTail(run);
        System.out.println(
                shorten(report, reason.isPresent() ? KNOWN_FAILURE_LINES : NEW_FAILURE_LINES, corpusCase.name()));
        if (reason.isPresent()) {
            Assumptions.abort("known failure (" + known.file().getFileName() + "): " + reason.get());
        }
        fail(report + "\nFix rolehop, or if this is a known gap, list the case in " + known.file());
    }

    private static String stderrTail(CorpusRun run) {
        List<String> lines = Arrays.asList(run.stderr().split("\n"));
        List<String> tail = lines.subList(Math.max(0, lines.size() - 10), lines.size());
        return "\nstderr (last lines):\n  " + String.join("\n  ", tail);
    }

    private static String shorten(String report, int maxLines, String caseName) {
        String[] lines = report.split("\n");
        if (lines.length <= maxLines) {
            return report;
        }
        return String.join("\n", Arrays.copyOf(lines, maxLines)) + "\n... (" + (lines.length - maxLines)
                + " more lines; run the case alone with -Drolehop.corpus.only=" + caseName + ")";
    }

    private static CorpusRun await(Future<CorpusRun> run) throws Exception {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static List<CorpusCase> selectedCases(Path corpus) throws IOException {
        String only = System.getProperty("rolehop.corpus.only", "").strip();
        Set<String> wanted = only.isEmpty() ? Set.of() : Set.of(only.split("\\s*,\\s*"));
        fullRun = wanted.isEmpty();
        List<CorpusCase> cases = new ArrayList<>();
        for (Path dir : caseDirs(corpus)) {
            if (wanted.isEmpty() || wanted.contains(dir.getFileName().toString())) {
                cases.add(CorpusCase.load(dir));
            }
        }
        assertThat(cases).as("corpus cases in %s matching '%s'", corpus, only).isNotEmpty();
        return cases;
    }

    private static List<Path> caseDirs(Path corpus) throws IOException {
        try (Stream<Path> dirs = Files.list(corpus)) {
            return dirs.filter(Files::isDirectory)
                    .filter(dir -> dir.getFileName().toString().matches("\\d{3}-.+"))
                    .sorted()
                    .toList();
        }
    }

    /** The corpus folder, found from the working directory (the cli module under failsafe). */
    static Path corpusDir() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path at = dir; at != null; at = at.getParent()) {
            Path corpus = at.resolve("engine/src/test/resources/corpus");
            if (Files.isDirectory(corpus)) {
                return corpus;
            }
        }
        throw new IllegalStateException("no engine/src/test/resources/corpus above " + dir);
    }

    /** Rewrites the count between the markers in README.md and docs/corpus.md, where they are. */
    private static void writeCount(int passedCases, int totalCases) throws IOException {
        Path root = corpusDir().resolve("../../../../..").normalize();
        String count = COUNT_START + "**" + passedCases + " of " + totalCases + "** cases match ansible-playbook 2.14"
                + COUNT_END;
        for (Path doc : List.of(root.resolve("README.md"), root.resolve("docs/corpus.md"))) {
            if (Files.isRegularFile(doc)) {
                replaceCount(doc, count);
            }
        }
    }

    private static void replaceCount(Path doc, String count) throws IOException {
        String text = Files.readString(doc, StandardCharsets.UTF_8);
        int start = text.indexOf(COUNT_START);
        int end = text.indexOf(COUNT_END);
        if (start < 0 || end < start) {
            return;
        }
        String updated = text.substring(0, start) + count + text.substring(end + COUNT_END.length());
        if (!updated.equals(text)) {
            Path temp = Files.createTempFile(doc.getParent(), "corpus", ".md");
            Files.writeString(temp, updated, StandardCharsets.UTF_8);
            Files.move(temp, doc, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
