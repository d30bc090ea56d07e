package dev.rolehop.cli.creds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code bin/rolehop} (system property {@code rolehop.dist}) as a user would, with
 * an isolated HOME, a minimal environment, and no controlling terminal ({@code setsid}), so that
 * nothing can prompt on the developer's terminal.
 */
final class RolehopProcess {

    /** What a run printed and how it ended. */
    record Result(int exitCode, String stdout, String stderr) {
        /** Both streams, for "no secret anywhere" checks. */
        String output() {
            return stdout + stderr;
        }
    }

    private final Path home;
    private final Map<String, String> environment = new HashMap<>();

    RolehopProcess(Path home) {
        this.home = home;
        environment.put("HOME", home.toString());
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        String javaHome = System.getProperty("java.home");
        environment.put("JAVA_HOME", javaHome);
        // Each run answers itself: a warm daemon per isolated HOME would outlive the test (DaemonIT tests them).
        environment.put("ROLEHOP_DAEMON", "0");
        // One class-data-sharing archive for all runs of the suite, not one per isolated HOME.
        environment.put(
                "XDG_CACHE_HOME", Path.of("target", "it-cache").toAbsolutePath().toString());
    }

    /** The launcher of the distribution under test. */
    static Path launcher() {
        String dist = System.getProperty("rolehop.dist");
        assertThat(dist).as("system property rolehop.dist").isNotNull();
        return Path.of(dist, "bin", "rolehop");
    }

    RolehopProcess env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    Path home() {
        return home;
    }

    /** Writes {@code ~/.aws/config} and {@code ~/.aws/credentials}. */
    RolehopProcess awsFiles(String config, String credentials) throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), config);
        Files.writeString(home.resolve(".aws/credentials"), credentials);
        return this;
    }

    /** Writes the AWS files of a demo world written by {@code DemoWorld.write(demo)}. */
    RolehopProcess demoAwsFiles(Path demo) throws IOException {
        return awsFiles(
                Files.readString(demo.resolve("aws/config")), Files.readString(demo.resolve("aws/credentials")));
    }

    Result run(String... args) throws IOException, InterruptedException {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher().toString()));
        command.addAll(List.of(args));
        return runCommand(stdin, command);
    }

    /** The environment every run gets. */
    Map<String, String> environment() {
        return Map.copyOf(environment);
    }

    /** Runs any command (e.g. the AWS CLI) with this HOME and environment and no terminal. */
    Result runCommand(String stdin, List<String> argv) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("setsid", "-w"));
        command.addAll(argv);
        String[] args = argv.toArray(String[]::new);
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("rolehop " + String.join(" ", args) + " did not finish in 90 s");
        }
        try {
            // A command that leaves a background process holding the pipes must fail the test, not hang it.
            return new Result(process.exitValue(), stdout.get(30, TimeUnit.SECONDS), stderr.get(30, TimeUnit.SECONDS));
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new AssertionError(String.join(" ", args) + ": its output did not end after it exited", e);
        }
    }

    private static String read(java.io.InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
