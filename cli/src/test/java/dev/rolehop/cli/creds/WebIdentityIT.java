package dev.rolehop.cli.creds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.local.DemoWorld;
import dev.rolehop.local.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web identity end to end: a token minted by rolehop local's OIDC provider, written where
 * web_identity_token_file points, then the packaged {@code rolehop whoami} and the real AWS CLI 2.9
 * assume the demo's ci-deploy role with it (AssumeRoleWithWebIdentity, unsigned) and share the session
 * through ~/.aws/cli/cache.
 */
class WebIdentityIT {

    private static final String ROLE_SESSION = "arn:aws:sts::222222222222:assumed-role/ci-deploy/ci-job";

    @TempDir
    Path dir;

    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private Path world;
    private LocalAws local;
    private Path tokenFile;
    private RolehopProcess rolehop;

    @BeforeEach
    void start() throws IOException {
        world = DemoWorld.write(dir.resolve("demo"));
        local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0).withLog(requests::add));
        tokenFile = dir.resolve("token");
        Files.createFile(tokenFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        String config = "[profile ci]\nrole_arn = " + DemoWorld.CI_ROLE_ARN + "\nweb_identity_token_file = " + tokenFile
                + "\nrole_session_name = ci-job\nregion = us-east-1\n";
        rolehop = new RolehopProcess(Files.createDirectories(dir.resolve("home")))
                .awsFiles(config, "")
                .env("AWS_ENDPOINT_URL", local.endpoint().toString());
    }

    @AfterEach
    void stop() {
        local.close();
    }

    private String writeToken(String subject, Duration lifetime) throws IOException {
        String token = LocalAws.webIdentityToken(world, DemoWorld.OIDC_ISSUER, subject, null, lifetime, Instant.now());
        Files.writeString(tokenFile, token + "\n");
        return token;
    }

    private long webIdentityCalls() {
        return requests.stream()
                .filter(l -> l.contains(" sts AssumeRoleWithWebIdentity OK "))
                .count();
    }

    @Test
    void whoamiAssumesTheRoleWithTheTokenOfTheProfile() throws Exception {
        String token = writeToken("repo:example/app:ref:refs/heads/main", Duration.ofHours(1));

        RolehopProcess.Result result = rolehop.run("whoami", "--profile", "ci");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout())
                .contains("Arn:        " + ROLE_SESSION + "\n")
                .contains("Source:     profile ci: web identity role " + DemoWorld.CI_ROLE_ARN
                        + " (AssumeRoleWithWebIdentity)");
        assertThat(result.output()).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        assertThat(webIdentityCalls()).isEqualTo(1);
    }

    @Test
    void aTokenTheTrustPolicyDoesNotAdmitFailsWithAwsMessage() throws Exception {
        writeToken("repo:other/app", Duration.ofHours(1));

        RolehopProcess.Result result = rolehop.run("whoami", "--profile", "ci");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr())
                .isEqualTo("rolehop whoami: profile 'ci': AssumeRoleWithWebIdentity of " + DemoWorld.CI_ROLE_ARN
                        + " failed: AccessDenied: Not authorized to perform sts:AssumeRoleWithWebIdentity\n");
    }

    @Test
    void anExpiredTokenFailsWithExpiredTokenException() throws Exception {
        writeToken("repo:example/app", Duration.ofMinutes(-5));

        RolehopProcess.Result result = rolehop.run("whoami", "--profile", "ci");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr()).contains("failed: ExpiredTokenException: Token expired: current date/time ");
    }

    @Test
    void theAwsCliAssumesTheSameRoleAndRolehopReusesItsSession() throws Exception {
        Path aws = Path.of("/usr/bin/aws");
        Assumptions.assumeTrue(Files.isExecutable(aws), "the AWS CLI 2.x is not installed at /usr/bin/aws");
        writeToken("repo:example/app", Duration.ofHours(1));
        Path dataPath = AwsCliStsEndpoint.write(dir.resolve("aws-data"), local.endpoint());

        RolehopProcess.Result identity = rolehop.env("AWS_DATA_PATH", dataPath.toString())
                .runCommand("", List.of(aws.toString(), "sts", "get-caller-identity", "--profile", "ci"));

        assertThat(identity.exitCode()).as(identity.stderr()).isZero();
        assertThat(identity.stdout()).contains("\"Arn\": \"" + ROLE_SESSION + "\"");
        assertThat(webIdentityCalls()).isEqualTo(1);
        // The AWS CLI cached its session under botocore's key; rolehop finds it there and calls no STS.
        RolehopProcess.Result whoami = rolehop.run("whoami", "--profile", "ci");
        assertThat(whoami.exitCode()).as(whoami.stderr()).isZero();
        assertThat(whoami.stdout())
                .contains("Arn:        " + ROLE_SESSION + "\n")
                .contains("(cache " + rolehop.home().resolve(".aws/cli/cache"));
        assertThat(webIdentityCalls()).isEqualTo(1);
    }
}
