package dev.rolehop.cli.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data-sharing archive (bin/rolehop), on a private copy of the distribution
 * so the suite's shared one is left alone: a failed run records nothing, the first successful
 * {@code play} leaves an archive once its background dump is done (and drops those of earlier
 * builds), and later runs load their classes from it.
 */
class LauncherArchiveIT {

    private static final Duration DUMP_TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    private record Run(int exitCode, String output) {}

    private Path copyOfDistribution() throws IOException {
        Path dist = Path.of(System.getProperty("rolehop.dist"));
        Path copy = dir.resolve("dist");
        for (String folder : List.of("bin", "lib")) {
            Files.createDirectories(copy.resolve(folder));
            try (Stream<Path> files = Files.list(dist.resolve(folder))) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".jar") || folder.equals("bin")) {
                        Files.copy(file, copy.resolve(folder).resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
        }
        return copy;
    }

    private Run run(Path dist, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        var command =
                new java.util.ArrayList<>(List.of(dist.resolve("bin/rolehop").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("HOME", dir.toString());
        builder.environment().remove("ROLEHOP_CDS");
        builder.environment().remove("ROLEHOP_JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), output);
    }

    private static List<String> archiveFiles(Path dist) throws IOException {
        try (Stream<Path> files = Files.list(dist.resolve("lib"))) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> !name.endsWith(".jar"))
                    .sorted()
                    .toList();
        }
    }

    /** The launcher's files once no recording is going on (its lock gone). */
    private static List<String> settledArchiveFiles(Path dist) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(DUMP_TIMEOUT);
        while (archiveFiles(dist).stream().anyMatch(name -> name.endsWith(".lock"))
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        return archiveFiles(dist);
    }

    @Test
    void theFirstSuccessfulPlayRecordsTheArchiveThatLaterRunsMap() throws IOException, InterruptedException {
        Path dist = copyOfDistribution();
        Files.writeString(dist.resolve("lib/rolehop-1-play.jsa"), "an archive of an earlier build");
        Files.writeString(dir.resolve("hello.yml"), """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - debug:
                        msg: hello
                """);

        Run failed = run(dist, Map.of(), "play", "missing.yml");
        assertThat(failed.exitCode()).isNotZero();
        assertThat(settledArchiveFiles(dist)).as("a failed run records nothing").containsExactly("rolehop-1-play.jsa");

        Run first = run(dist, Map.of(), "play", "hello.yml");
        assertThat(first.exitCode()).as(first.output()).isZero();
        assertThat(first.output()).contains("\"msg\": \"hello\"");
        List<String> files = settledArchiveFiles(dist);
        assertThat(files)
                .as("one archive, none of an earlier build, no class list or lock left")
                .hasSize(1);
        assertThat(files.get(0)).matches("rolehop-\\d+-play\\.jsa");

        Run later = run(dist, Map.of("ROLEHOP_JAVA_OPTS", "-Xlog:class+load=info"), "play", "hello.yml");
        assertThat(later.exitCode()).as(later.output()).isZero();
        assertThat(later.output())
                .contains("dev.rolehop.cli.Main source: shared objects file")
                .as("picocli's Java 5 class files too: only a static archive holds them")
                .contains("picocli.CommandLine source: shared objects file");
        assertThat(archiveFiles(dist)).isEqualTo(files);
    }
}
