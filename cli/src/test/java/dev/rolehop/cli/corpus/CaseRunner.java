package dev.rolehop.cli.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a corpus case with a command (the packaged {@code rolehop play}) exactly as the recorder
 * runs ansible-playbook: in a fresh copy of the case folder (the working directory), with a fresh
 * empty HOME, a clean environment without colours, stdin from {@code expected.stdin} or empty,
 * and stdout normalized by {@link CorpusNormalizer}. Keep this in step with
 * {@code engine/src/test/corpus/record}.
 */
final class CaseRunner {

    /** The environment of every run besides HOME (the recorder sets the same). */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "LANG", "C.UTF-8",
            "LC_ALL", "C.UTF-8",
            "ANSIBLE_NOCOLOR", "1",
            "ANSIBLE_FORCE_COLOR", "0",
            "NO_COLOR", "1",
            "PYTHONHASHSEED", "0",
            "CORPUS_GREETING", "hello from the environment");

    private final List<String> program;
    private final Map<String, String> extraEnvironment;
    private final Path workRoot;
    private final Duration timeout;

    /**
     * Creates a runner of {@code program} (e.g. {@code [dist/bin/rolehop, play]}), adding
     * {@code extraEnvironment} (e.g. JAVA_HOME for the launcher), working under {@code workRoot}.
     */
    CaseRunner(List<String> program, Map<String, String> extraEnvironment, Path workRoot, Duration timeout) {
        this.program = List.copyOf(program);
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        this.workRoot = workRoot;
        this.timeout = timeout;
    }

    /** Runs the case and returns its normalized result; a run over the time limit is killed (rc -1). */
    CorpusRun run(CorpusCase corpusCase) throws IOException, InterruptedException {
        Path base = Files.createTempDirectory(workRoot, corpusCase.name() + ".");
        Path caseDir = base.resolve(corpusCase.name());
        Path home = Files.createDirectory(base.resolve("home"));
        copyTree(corpusCase.dir(), caseDir);
        Path stdout = base.resolve("stdout");
        Path stderr = base.resolve("stderr");
        Path stdin = corpusCase.stdin().orElse(Files.createFile(base.resolve("empty-stdin")));
        try {
            List<String> command = new ArrayList<>(program);
            command.addAll(corpusCase.commandLine());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(caseDir.toFile())
                    .redirectInput(stdin.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().clear();
            builder.environment().putAll(ENVIRONMENT);
            builder.environment().putAll(extraEnvironment);
            builder.environment().put("HOME", home.toString());
            Process process = builder.start();
            int rc;
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                rc = process.exitValue();
            } else {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                rc = -1;
            }
            String out = new CorpusNormalizer(caseDir).normalize(Files.readString(stdout, StandardCharsets.UTF_8));
            String err = Files.readString(stderr, StandardCharsets.UTF_8);
            if (rc == -1) {
                err += "\n(corpus: killed after " + timeout.toSeconds() + " s)";
            }
            return new CorpusRun(out, err, rc);
        } finally {
            deleteTree(base);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
