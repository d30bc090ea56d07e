package dev.rolehop.cli.creds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.local.DemoWorld;
import dev.rolehop.local.LocalAws;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rolehop console --print} end to end: the packaged CLI as a process against rolehop
 * local, then the login URL followed as a browser would to the local console page.
 */
class ConsoleIT {

    @TempDir
    Path dir;

    private Path world;
    private LocalAws local;
    private RolehopProcess rolehop;

    @BeforeEach
    void start() throws IOException {
        world = DemoWorld.write(dir.resolve("demo"));
        rolehop = new RolehopProcess(Files.createDirectories(dir.resolve("home"))).demoAwsFiles(dir.resolve("demo"));
        local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0));
        rolehop.env("AWS_ENDPOINT_URL", local.endpoint().toString());
    }

    @AfterEach
    void stop() {
        local.close();
    }

    /** The console page the login URL lands on, following its redirect with the session cookie. */
    private static String follow(String loginUrl) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> login =
                http.send(HttpRequest.newBuilder(URI.create(loginUrl)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(
                                login.headers().firstValue("Location").orElseThrow()))
                        .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        return page.body();
    }

    @Test
    void aRoleProfileSignsInAsItsRoleSession() throws Exception {
        String code = LocalAws.mfaCode(world, DemoWorld.MFA_SERIAL, Instant.now());
        RolehopProcess.Result result = rolehop.run("console", "--print", "--profile", "lab", "--mfa-token", code);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        String url = result.stdout().strip();
        assertThat(url).startsWith(local.endpoint() + "/federation?Action=login&Issuer=rolehop&Destination=");
        assertThat(follow(url)).contains("<dd id=\"arn\">arn:aws:sts::222222222222:assumed-role/lab-admin/");
    }

    @Test
    void anIamUserProfileSignsInAsAFederatedUser() throws Exception {
        RolehopProcess.Result result = rolehop.run("console", "--print", "--profile", "default");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(follow(result.stdout().strip()))
                .contains("<dd id=\"arn\">arn:aws:sts::111111111111:federated-user/alice</dd>");
    }

    @Test
    void aDurationAboveTwelveHoursIsRefusedForARoleNamingTheProfile() throws Exception {
        String code = LocalAws.mfaCode(world, DemoWorld.MFA_SERIAL, Instant.now());
        RolehopProcess.Result result =
                rolehop.run("console", "--print", "--profile", "lab", "--mfa-token", code, "--duration", "50000");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stdout()).isEmpty();
        assertThat(result.stderr())
                .isEqualTo(
                        "rolehop console: profile 'lab': --duration is at most 43200 for a role session, not 50000\n");
    }
}
