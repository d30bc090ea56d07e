package dev.rolehop.cli.creds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.local.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rolehop exec --server}: the command gets a container credential endpoint instead of keys,
 * the real AWS CLI reads it, requests without the token are refused, the command's status comes
 * back, and a command that outlives its role session keeps getting fresh credentials.
 */
class CredentialServerIT {

    private static final String KEY = "AKIAALICESERVER00001";
    private static final String SECRET = "aliceSecretKeyForServerTests01";
    private static final String WORLD = "accounts:\n"
            + "  - id: \"111111111111\"\n    users:\n      - name: alice\n"
            + "        access_keys: [{id: " + KEY + ", secret: \"" + SECRET + "\"}]\n"
            + "        policies: [{name: admin, document: {Version: \"2012-10-17\","
            + " Statement: [{Effect: Allow, Action: \"*\", Resource: \"*\"}]}}]\n"
            + "  - id: \"222222222222\"\n    roles:\n"
            + "      - name: short\n        trust_policy: {Version: \"2012-10-17\", Statement: [{Effect: Allow,"
            + " Principal: {AWS: \"arn:aws:iam::111111111111:root\"}, Action: \"sts:AssumeRole\"}]}\n"
            + "        policies: [{name: admin, document: {Version: \"2012-10-17\","
            + " Statement: [{Effect: Allow, Action: \"*\", Resource: \"*\"}]}}]\n";
    private static final String CONFIG = "[profile short]\nrole_arn = arn:aws:iam::222222222222:role/short\n"
            + "source_profile = alice\nduration_seconds = 900\nregion = us-east-1\n";

    @TempDir
    Path dir;

    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private LocalAws local;

    private RolehopProcess start(Clock clock) throws IOException {
        Path world = Files.writeString(dir.resolve("world.yml"), WORLD);
        local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0)
                .withClock(clock)
                .withLog(requests::add));
        return new RolehopProcess(Files.createDirectories(dir.resolve("home")))
                .awsFiles(CONFIG, "[alice]\naws_access_key_id = " + KEY + "\naws_secret_access_key = " + SECRET + "\n")
                .env("AWS_ENDPOINT_URL", local.endpoint().toString());
    }

    /** Runs {@code rolehop exec --server --profile short -- COMMAND}. */
    private static RolehopProcess.Result execServer(RolehopProcess rolehop, String... command) throws Exception {
        List<String> args = new ArrayList<>(List.of("exec", "--server", "--profile", "short", "--"));
        args.addAll(List.of(command));
        return rolehop.run(args.toArray(String[]::new));
    }

    @AfterEach
    void stop() {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void theAwsCliAsTheCommandGetsTheRoleFromTheServer() throws Exception {
        Path aws = Path.of("/usr/bin/aws");
        Assumptions.assumeTrue(Files.isExecutable(aws), "the AWS CLI 2.x is not installed at /usr/bin/aws");
        RolehopProcess rolehop = start(Clock.systemUTC());

        RolehopProcess.Result result = execServer(
                rolehop,
                aws.toString(),
                "sts",
                "get-caller-identity",
                "--endpoint-url",
                local.endpoint().toString());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("\"Arn\": \"arn:aws:sts::222222222222:assumed-role/short/rolehop-");
    }

    @Test
    void theCommandHasTheContainerVariablesAndNoKeys() throws Exception {
        RolehopProcess rolehop = start(Clock.systemUTC());

        RolehopProcess.Result result = execServer(
                rolehop,
                "sh",
                "-c",
                "test -z \"$AWS_ACCESS_KEY_ID$AWS_SECRET_ACCESS_KEY$AWS_SESSION_TOKEN\" || exit 9;"
                        + " test ${#AWS_CONTAINER_AUTHORIZATION_TOKEN} -ge 40 || exit 8;"
                        + " echo \"$AWS_CONTAINER_CREDENTIALS_FULL_URI\";"
                        + " curl -s -o /dev/null -w '%{http_code} ' \"$AWS_CONTAINER_CREDENTIALS_FULL_URI\";"
                        + " curl -s -o /dev/null -w '%{http_code}' -H 'Authorization: guess'"
                        + " \"$AWS_CONTAINER_CREDENTIALS_FULL_URI\"; exit 7");

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(7);
        assertThat(result.stdout()).matches("http://127\\.0\\.0\\.1:\\d+/rolehop/credentials\n401 403");
    }

    @Test
    void theServerStopsWithTheCommand() throws Exception {
        RolehopProcess rolehop = start(Clock.systemUTC());

        RolehopProcess.Result result = execServer(rolehop, "sh", "-c", "echo \"$AWS_CONTAINER_CREDENTIALS_FULL_URI\"");
        String uri = result.stdout().strip();

        RolehopProcess.Result after =
                rolehop.runCommand("", List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", uri));
        assertThat(after.stdout()).isEqualTo("000");
    }

    /**
     * rolehop local's clock runs 880 s behind, so a 900-second role session it issues ends 20 s from
     * now on the clock rolehop and the command keep (requests stay within SigV4's 15-minute skew).
     */
    @Test
    void aCommandThatOutlivesItsRoleSessionGetsFreshCredentials() throws Exception {
        RolehopProcess rolehop = start(Clock.offset(Clock.systemUTC(), Duration.ofSeconds(-880)));
        String fetch = "curl -s -H \"Authorization: $AWS_CONTAINER_AUTHORIZATION_TOKEN\""
                + " \"$AWS_CONTAINER_CREDENTIALS_FULL_URI\"; echo \" at $(date -u +%s)\"";

        RolehopProcess.Result result = execServer(
                rolehop, "sh", "-c", fetch + "; sleep 8; " + fetch + "; sleep 8; " + fetch + "; sleep 8; " + fetch);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        Matcher m = Pattern.compile("\"AccessKeyId\": \"(ASIA\\w+)\".*\"Expiration\": \"([^\"]+)\".* at (\\d+)")
                .matcher(result.stdout());
        List<String> keys = new ArrayList<>();
        while (m.find()) {
            keys.add(m.group(1));
            // Every answer was still valid when the command got it.
            assertThat(Instant.parse(m.group(2))).isAfter(Instant.ofEpochSecond(Long.parseLong(m.group(3))));
        }
        assertThat(keys).as(result.stdout()).hasSize(4);
        assertThat(keys.stream().distinct().count()).isGreaterThanOrEqualTo(2);
        assertThat(requests.stream()
                        .filter(l -> l.contains(" sts AssumeRole OK "))
                        .count())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void execWithoutACommandStartsTheShellWithTheCredentials() throws Exception {
        RolehopProcess rolehop = start(Clock.systemUTC()).env("SHELL", "/bin/sh");

        RolehopProcess.Result result = rolehop.runWithInput(
                "echo \"${AWS_ACCESS_KEY_ID%${AWS_ACCESS_KEY_ID#????}}\"; exit 3\n", "exec", "--profile", "short");

        assertThat(result.exitCode()).as(result.stderr()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("ASIA\n");
    }

    @Test
    void serveWritesTheTokenToAFileAndAnswersWithIt() throws Exception {
        RolehopProcess rolehop = start(Clock.systemUTC());
        Path tokenFile = dir.resolve("serve.token");
        ProcessBuilder builder = new ProcessBuilder(
                        RolehopProcess.launcher().toString(),
                        "serve",
                        "--profile",
                        "short",
                        "--token-file",
                        tokenFile.toString())
                .directory(rolehop.home().toFile())
                .redirectError(dir.resolve("serve.err").toFile());
        builder.environment().clear();
        builder.environment().putAll(rolehop.environment());
        Process serve = builder.start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(serve.getInputStream()))) {
            String uriLine = lines.readLine();
            String tokenLine = lines.readLine();
            assertThat(uriLine)
                    .matches(
                            "export AWS_CONTAINER_CREDENTIALS_FULL_URI=http://127\\.0\\.0\\.1:\\d+/rolehop/credentials");
            assertThat(tokenLine).isEqualTo("export AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE=" + tokenFile);
            assertThat(Files.getPosixFilePermissions(tokenFile))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            String uri = uriLine.substring(uriLine.indexOf('=') + 1);

            RolehopProcess.Result fetched = rolehop.runCommand(
                    "", List.of("curl", "-s", "-H", "Authorization: " + Files.readString(tokenFile), uri));

            assertThat(fetched.stdout()).contains("\"AccessKeyId\": \"ASIA");
        } finally {
            serve.destroy();
            assertThat(serve.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
        assertThat(tokenFile).doesNotExist();
        assertThat(Files.readString(dir.resolve("serve.err"))).doesNotContain(SECRET);
    }
}
