package dev.rolehop.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

/** Runs the packaged {@code bin/rolehop local} as a user would, with an isolated HOME. */
class LocalCommandIT {

    private static final Path ROLEHOP = Path.of(System.getProperty("rolehop.dist", "target/dist"), "bin", "rolehop");
    private static final String SERIAL = "arn:aws:iam::111111111111:mfa/alice";

    @TempDir
    Path dir;

    private ProcessBuilder rolehop(String... args) {
        List<String> command = new ArrayList<>(List.of(ROLEHOP.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("HOME", dir.toString());
        return pb;
    }

    private record Run(int exit, String out, String err) {}

    private Run run(String... args) throws IOException, InterruptedException {
        Process p = rolehop(args).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    private static String credential(Path dir, String key) throws IOException {
        return Files.readAllLines(dir.resolve("demo/aws/credentials")).stream()
                .filter(l -> l.startsWith(key))
                .map(l -> l.substring(l.indexOf('=') + 1).trim())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void initWritesTheDemoWorldAndNeverOverwrites() throws Exception {
        Run first = run("local", "init", "demo");
        assertThat(first.exit()).isZero();
        assertThat(dir.resolve("demo/world.yml")).exists();
        assertThat(Files.readString(dir.resolve("demo/aws/config")))
                .contains(
                        "[profile lab]",
                        "role_arn = arn:aws:iam::222222222222:role/lab-admin",
                        "source_profile = default",
                        "mfa_serial = " + SERIAL);
        assertThat(dir.resolve(".aws")).doesNotExist();
        Run second = run("local", "init", "demo");
        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.err())
                .isEqualTo("rolehop local init: demo/world.yml exists already; choose an empty "
                        + "directory for the demo\n");
    }

    @Test
    void localPrintsItsEndpointFirstServesSignedCallsLogsThemAndStopsOnSigterm() throws Exception {
        assertThat(run("local", "init", "demo").exit()).isZero();
        Path log = dir.resolve("stderr.txt");
        // stderr goes to a file: destroy() closes the process's pipes.
        Process p = rolehop("local", "--world", "demo/world.yml", "--state", "demo/state.yml")
                .redirectError(log.toFile())
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).matches("endpoint: http://127\\.0\\.0\\.1:\\d+");
            String secret = credential(dir, "aws_secret_access_key");
            try (StsClient sts = StsClient.builder()
                    .endpointOverride(URI.create(first.substring(10)))
                    .region(Region.US_EAST_1)
                    .httpClient(UrlConnectionHttpClient.create())
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(credential(dir, "aws_access_key_id"), secret)))
                    .build()) {
                assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111111111111:user/alice");
            }
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            String err = Files.readString(log);
            assertThat(err)
                    .contains(" arn:aws:iam::111111111111:user/alice sts GetCallerIdentity OK ")
                    .endsWith("rolehop local: stopped\n")
                    .doesNotContain(secret);
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void mfaCodePrintsTheDevicesCurrentSixDigits() throws Exception {
        assertThat(run("local", "init", "demo").exit()).isZero();
        Run code = run("local", "mfa-code", "--world", "demo/world.yml", "--serial", SERIAL);
        assertThat(code.exit()).isZero();
        assertThat(code.out()).matches("\\d{6}\n");
    }

    @Test
    void aBadWorldFileIsReportedWithItsLineAndNoStackTrace() throws Exception {
        Files.writeString(dir.resolve("world.yml"), "accounts:\n  - id: \"1\"\n");
        Run r = run("local");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err())
                .isEqualTo("rolehop local: world.yml:2:9: 'id' value '1' is not valid: an account id is "
                        + "12 digits; quote it (\"111111111111\")\n");
    }
}
