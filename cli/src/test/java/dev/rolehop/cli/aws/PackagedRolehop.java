package dev.rolehop.cli.aws;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolehop.local.DemoWorld;
import dev.rolehop.local.LocalAws;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged {@code rolehop} (system property {@code rolehop.dist}) run as a user runs it,
 * against a real {@code rolehop local} serving the demo world: an isolated HOME holding the demo's
 * {@code ~/.aws} files, no terminal, the endpoint in {@code AWS_URL}/{@code AWS_ENDPOINT_URL}.
 */
final class PackagedRolehop implements AutoCloseable {

    static final String MFA_SERIAL = "arn:aws:iam::111111111111:mfa/alice";

    /** What one run printed and returned. */
    record Run(int exitCode, String stdout, String stderr) {
        /** The host line of the PLAY RECAP, spaces squeezed. */
        String recap() {
            String[] lines = stdout.split("\n");
            for (int i = 0; i < lines.length - 1; i++) {
                if (lines[i].startsWith("PLAY RECAP")) {
                    return lines[i + 1].strip().replaceAll("\\s+", " ");
                }
            }
            return "(no recap) " + stdout + stderr;
        }

        /** The AWS calls listed at -vvv, as {@code service Operation}. */
        List<String> awsCalls() {
            List<String> calls = new ArrayList<>();
            for (String line : (stdout + "\n" + stderr).split("\n")) {
                int at = line.indexOf("AWS call ");
                if (at >= 0 && line.contains(" -> ")) {
                    String call = line.substring(line.indexOf(": ", at) + 2, line.indexOf(" -> ", at));
                    calls.add(call.replaceAll(" \\(retry \\d+\\)", ""));
                }
            }
            return calls;
        }
    }

    private final Path home;
    private final Path world;
    private final LocalAws local;
    private Instant nextMfa = Instant.now();

    PackagedRolehop(Path dir) {
        this.home = dir.resolve("home");
        try {
            Files.createDirectories(home);
            DemoWorld.write(home);
            Files.move(home.resolve("aws"), home.resolve(".aws"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.world = home.resolve("world.yml");
        this.local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0));
    }

    Path home() {
        return home;
    }

    /** Where the {@code rolehop local} these runs call listens. */
    URI endpoint() {
        return local.endpoint();
    }

    /** A code of alice's device not used before (codes are single-use): each for a later 30-s step. */
    String mfaCode() {
        String code = LocalAws.mfaCode(world, MFA_SERIAL, nextMfa);
        nextMfa = nextMfa.plusSeconds(30);
        return code;
    }

    /** The jump account's secret key, which no output may show. */
    String jumpSecret() throws IOException {
        return Files.readAllLines(home.resolve(".aws/credentials")).stream()
                .filter(l -> l.startsWith("aws_secret_access_key"))
                .map(l -> l.split("=", 2)[1].strip())
                .findFirst()
                .orElseThrow();
    }

    Run play(Path dir, Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        String dist = System.getProperty("rolehop.dist");
        assertTrue(dist != null && Files.isDirectory(Path.of(dist)), "rolehop.dist points at the packaged CLI");
        List<String> command =
                new ArrayList<>(List.of(Path.of(dist, "bin", "rolehop").toString(), "play"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("ROLEHOP_") || k.startsWith("ANSIBLE_"));
        env.put("HOME", home.toString());
        env.put("AWS_URL", local.endpoint().toString());
        env.put("AWS_ENDPOINT_URL", local.endpoint().toString());
        env.putAll(extraEnv);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("rolehop play did not finish in 180 s: " + Files.readString(out));
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static Map<String, String> env(String... keyValues) {
        Map<String, String> env = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            env.put(keyValues[i], keyValues[i + 1]);
        }
        return env;
    }

    @Override
    public void close() {
        local.close();
    }
}
