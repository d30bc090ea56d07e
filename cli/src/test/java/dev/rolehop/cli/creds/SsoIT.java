package dev.rolehop.cli.creds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.local.DemoWorld;
import dev.rolehop.local.LocalAws;
import dev.rolehop.python.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IAM Identity Center end to end with the packaged CLI and rolehop local's demo world: {@code rolehop
 * sso login} (device flow, approved by {@code rolehop local sso-approve}), then {@code whoami} and
 * {@code creds} in two accounts, the token renewed once it expires, profiles written for what the
 * sign-in reaches, and {@code rolehop sso logout}.
 */
class SsoIT {

    private static final Pattern USER_CODE = Pattern.compile("(?m)^([A-Z2-7]{4}-[A-Z2-7]{4})$");
    private static final String TOKEN_FILE = "ee0bfd2552fbd840c02cc48b6e823320543c450f.json";

    @TempDir
    Path dir;

    private LocalAws local;
    private RolehopProcess rolehop;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> outputs = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        Path world = DemoWorld.write(dir.resolve("demo"));
        local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0).withLog(requests::add));
        rolehop = new RolehopProcess(Files.createDirectories(dir.resolve("home")))
                .awsFiles("""
                        [sso-session corp]
                        sso_start_url = %s
                        sso_region = us-east-1
                        sso_registration_scopes = sso:account:access

                        [profile dev]
                        sso_session = corp
                        sso_account_id = 222222222222
                        sso_role_name = AdministratorAccess
                        region = us-east-1

                        [profile jump]
                        sso_session = corp
                        sso_account_id = 111111111111
                        sso_role_name = ReadOnly
                        """.formatted(DemoWorld.SSO_START_URL), "")
                .env("AWS_ENDPOINT_URL", local.endpoint().toString());
    }

    @AfterEach
    void stop() {
        local.close();
    }

    private RolehopProcess.Result run(String... args) throws Exception {
        RolehopProcess.Result result = rolehop.run(args);
        outputs.add(result.output());
        return result;
    }

    /** {@code rolehop sso login --no-browser}, approved with {@code rolehop local sso-approve} once it shows its code. */
    private RolehopProcess.Result login(String... target) throws Exception {
        List<String> command = new ArrayList<>(
                List.of("setsid", "-w", RolehopProcess.launcher().toString(), "sso", "login", "--no-browser"));
        command.addAll(List.of(target));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(rolehop.home().toFile());
        builder.environment().clear();
        builder.environment().putAll(rolehop.environment());
        Process process = builder.start();
        process.getOutputStream().close();
        StringBuilder stderr = new StringBuilder();
        String code = null;
        try (BufferedReader err =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = err.readLine()) != null; ) {
                stderr.append(line).append('\n');
                Matcher m = USER_CODE.matcher(line);
                if (code == null && m.matches()) {
                    code = m.group(1);
                    RolehopProcess.Result approved = run(
                            "local",
                            "sso-approve",
                            "--endpoint",
                            local.endpoint().toString(),
                            "--user",
                            "alice",
                            code);
                    assertThat(approved.exitCode()).as(approved.output()).isZero();
                    assertThat(approved.stdout()).startsWith("Approved");
                }
            }
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(code).as("the code printed on stderr: " + stderr).isNotNull();
        RolehopProcess.Result result = new RolehopProcess.Result(process.exitValue(), stdout, stderr.toString());
        outputs.add(result.output());
        return result;
    }

    private Path tokenFile() {
        return rolehop.home().resolve(".aws/sso/cache").resolve(TOKEN_FILE);
    }

    private Map<String, Object> token() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.loads(Files.readString(tokenFile()));
        return json;
    }

    @Test
    void signInThenTwoAccountsThenRenewalThenSignOut() throws Exception {
        RolehopProcess.Result before = run("whoami", "--profile", "dev");
        assertThat(before.exitCode()).isEqualTo(1);
        assertThat(before.stderr()).endsWith("; run rolehop sso login --profile dev\n");

        RolehopProcess.Result login = login("--profile", "dev");
        assertThat(login.exitCode()).as(login.output()).isZero();
        assertThat(login.stderr()).contains(local.endpoint() + "/device");
        assertThat(login.stdout()).isEqualTo("Successfully logged into Start URL: " + DemoWorld.SSO_START_URL + "\n");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile())))
                .isEqualTo("rw-------");
        Map<String, Object> first = token();

        RolehopProcess.Result dev = run("whoami", "--profile", "dev");
        assertThat(dev.exitCode()).as(dev.output()).isZero();
        assertThat(dev.stdout())
                .contains("Account:    222222222222")
                .containsPattern("assumed-role/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}/alice");
        RolehopProcess.Result jump = run("creds", "--profile", "jump", "--format", "json");
        assertThat(jump.exitCode()).as(jump.output()).isZero();
        assertThat(jump.stdout()).contains("\"AccountId\": \"111111111111\"");
        RolehopProcess.Result exec = run("exec", "--profile", "dev", "--", "sh", "-c", "echo $AWS_ACCOUNT_ID");
        assertThat(exec.exitCode()).as(exec.output()).isZero();
        assertThat(exec.stdout()).isEqualTo("222222222222\n");
        RolehopProcess.Result jumpWho = run("whoami", "--profile", "jump");
        assertThat(jumpWho.stdout()).containsPattern("assumed-role/AWSReservedSSO_ReadOnly_[0-9a-f]{16}/alice");
        assertThat(jumpWho.stdout()).contains("(cache ");

        // The token expires: the next run renews it with the refresh token (CreateToken) and caches it.
        Map<String, Object> expired = new LinkedHashMap<>(first);
        expired.put("expiresAt", Instant.now().minusSeconds(60).toString().replaceFirst("\\.\\d+Z$", "Z"));
        Files.writeString(tokenFile(), Json.dumps(expired));
        try (Stream<Path> roles = Files.list(rolehop.home().resolve(".aws/cli/cache"))) {
            for (Path entry : roles.toList()) {
                Files.delete(entry);
            }
        }
        RolehopProcess.Result renewed = run("whoami", "--profile", "dev");
        assertThat(renewed.exitCode()).as(renewed.output()).isZero();
        Map<String, Object> second = token();
        assertThat(second.get("accessToken")).isNotEqualTo(first.get("accessToken"));
        assertThat(second.get("refreshToken")).isNotEqualTo(first.get("refreshToken"));
        assertThat(requests.stream().filter(l -> l.startsWith("alice sso-oidc CreateToken OK")))
                .hasSize(2);

        RolehopProcess.Result written = run("profiles", "--sso-session", "corp", "--write");
        assertThat(written.exitCode()).as(written.output()).isZero();
        assertThat(written.stdout())
                .contains("222222222222  lab  ReadOnly  profile lab-ReadOnly (written)")
                .contains("3 profiles written to ");
        RolehopProcess.Result labReader = run("whoami", "--profile", "lab-ReadOnly");
        assertThat(labReader.stdout()).containsPattern("222222222222:assumed-role/AWSReservedSSO_ReadOnly_");

        RolehopProcess.Result logout = run("sso", "logout");
        assertThat(logout.exitCode()).as(logout.output()).isZero();
        assertThat(logout.stdout()).isEqualTo("Signed out: 1 sign-in ended, 2 cached role credentials removed\n");
        assertThat(tokenFile()).doesNotExist();
        RolehopProcess.Result after = run("whoami", "--profile", "jump");
        assertThat(after.exitCode()).isEqualTo(1);
        assertThat(after.stderr()).contains("run rolehop sso login --profile jump");

        // No token, refresh token or client secret in any output (creds prints role keys, by design).
        for (Map<String, Object> token : List.of(first, second)) {
            for (String secret : List.of("accessToken", "refreshToken", "clientSecret")) {
                assertThat(String.join("\n", outputs)).doesNotContain((String) token.get(secret));
                assertThat(String.join("\n", requests)).doesNotContain((String) token.get(secret));
            }
        }
    }
}
