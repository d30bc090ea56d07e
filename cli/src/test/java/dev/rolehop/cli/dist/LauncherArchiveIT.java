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
 * so the suite's shared one is left alone: whatever runs first — here a failed run that loads
 * next to nothing — the archive is dumped from the class list the build's training run shipped
 * (dropping those of earlier builds), and later runs, of any command, load their classes from it.
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
                    if (name.endsWith(".jar") || name.endsWith(".classlist") || folder.equals("bin")) {
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
                    .filter(name -> !name.endsWith(".jar") && !name.endsWith(".classlist"))
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
    void theArchiveDumpedAfterAnyFirstRunServesEveryCommand() throws IOException, InterruptedException {
        Path dist = copyOfDistribution();
        assertThat(dist.resolve("lib/rolehop.classlist"))
                .as("shipped by the build's training run")
                .isNotEmptyFile();
        Files.writeString(dist.resolve("lib/rolehop-1.jsa"), "an archive of an earlier build");
        Files.writeString(dir.resolve("hello.yml"), """
                - hosts: localhost
                  gather_facts: false
                  tasks:
                    - debug:
                        msg: hello
                """);

        Run failed = run(dist, Map.of(), "play", "missing.yml");
        assertThat(failed.exitCode()).isNotZero();
        List<String> files = settledArchiveFiles(dist);
        assertThat(files)
                .as("one archive, none of an earlier build, no lock left")
                .hasSize(1);
        assertThat(files.get(0)).matches("rolehop-\\d+-\\d+\\.jsa");

        Run play = run(dist, Map.of("ROLEHOP_JAVA_OPTS", "-Xlog:class+load=info"), "play", "hello.yml");
        assertThat(play.exitCode()).as(play.output()).isZero();
        assertThat(play.output())
                .contains("\"msg\": \"hello\"")
                .contains("dev.rolehop.cli.Main source: shared objects file")
                .contains("dev.rolehop.engine.template.Templar source: shared objects file")
                .as("picocli's Java 5 class files too: only a static archive holds them")
                .contains("picocli.CommandLine source: shared objects file");
        // Keys and an endpoint that refuses: whoami builds its STS client, then fails to connect.
        Run whoami = run(
                dist,
                Map.of(
                        "ROLEHOP_JAVA_OPTS", "-Xlog:class+load=info",
                        "AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
                        "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                        "AWS_ENDPOINT_URL", "http://127.0.0.1:9"),
                "whoami");
        assertThat(whoami.output())
                .as("the AWS SDK's classes, though no earlier run here touched AWS")
                .contains("software.amazon.awssdk.services.sts.StsClient source: shared objects file");
        assertThat(archiveFiles(dist)).isEqualTo(files);
    }

    @Test
    void aDistributionWithoutItsClassListRunsWithoutAnArchive() throws IOException, InterruptedException {
        Path dist = copyOfDistribution();
        Files.delete(dist.resolve("lib/rolehop.classlist"));
        Run version = run(dist, Map.of(), "--version");
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(settledArchiveFiles(dist)).isEmpty();
    }
}
