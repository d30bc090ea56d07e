package dev.rolehop.cli.creds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.local.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One MFA code for many roles, end to end: alice's profile sets {@code mfa_serial}, so the packaged
 * CLI asks for one code on a terminal, makes an MFA session (GetSessionToken) and caches it; then
 * {@code rolehop whoami} reaches three MFA-guarded roles in three accounts, with no terminal and no
 * code. rolehop local in the test JVM checks every trust policy's {@code aws:MultiFactorAuthPresent}.
 */
class OneMfaCodeIT {

    private static final String KEY = "AKIAALICEONEMFA00001";
    private static final String SECRET = "aliceSecretKeyForOneMfaCode0001";
    private static final String SERIAL = "arn:aws:iam::111111111111:mfa/alice";
    private static final List<String> ACCOUNTS = List.of("222222222222", "333333333333", "444444444444");
    private static final String ADMIN = "        policies: [{name: admin, document: {Version: \"2012-10-17\","
            + " Statement: [{Effect: Allow, Action: \"*\", Resource: \"*\"}]}}]\n";

    @TempDir
    Path dir;

    private Path world;
    private LocalAws local;
    private RolehopProcess rolehop;
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    private static String world() {
        StringBuilder yaml = new StringBuilder("accounts:\n  - id: \"111111111111\"\n    users:\n      - name: alice\n"
                + "        access_keys: [{id: " + KEY + ", secret: \"" + SECRET + "\"}]\n"
                + "        mfa_devices: [{serial: \"" + SERIAL + "\", seed: JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP}]\n"
                + ADMIN);
        for (String account : ACCOUNTS) {
            yaml.append("  - id: \"")
                    .append(account)
                    .append("\"\n    roles:\n      - name: admin\n")
                    .append("        trust_policy: {Version: \"2012-10-17\", Statement: [{Effect: Allow,"
                            + " Principal: {AWS: \"arn:aws:iam::111111111111:root\"}, Action: \"sts:AssumeRole\","
                            + " Condition: {Bool: {\"aws:MultiFactorAuthPresent\": \"true\"}}}]}\n")
                    .append(ADMIN);
        }
        return yaml.toString();
    }

    /**
     * alice sets mfa_serial; role a also names the device (the AWS CLI's way, honoured through the
     * session), role b does not, role c sets a session duration of its own.
     */
    private static String config() {
        return "[profile alice]\nregion = us-east-1\nmfa_serial = " + SERIAL + "\n"
                + "rolehop_session_duration_seconds = 28800\n"
                + "[profile a]\nrole_arn = arn:aws:iam::222222222222:role/admin\nsource_profile = alice\n"
                + "mfa_serial = " + SERIAL + "\n"
                + "[profile b]\nrole_arn = arn:aws:iam::333333333333:role/admin\nsource_profile = alice\n"
                + "[profile c]\nrole_arn = arn:aws:iam::444444444444:role/admin\nsource_profile = alice\n"
                + "mfa_serial = " + SERIAL + "\nduration_seconds = 1800\n";
    }

    @BeforeEach
    void start() throws IOException {
        world = Files.writeString(dir.resolve("world.yml"), world());
        local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0).withLog(requests::add));
        rolehop = new RolehopProcess(Files.createDirectories(dir.resolve("home")))
                .awsFiles(
                        config(), "[alice]\naws_access_key_id = " + KEY + "\naws_secret_access_key = " + SECRET + "\n")
                .env("AWS_ENDPOINT_URL", local.endpoint().toString());
    }

    @AfterEach
    void stop() {
        local.close();
    }

    private long calls(String action) {
        return requests.stream()
                .filter(line -> line.contains(" sts " + action + " OK "))
                .count();
    }

    @Test
    void oneCodeThenWhoamiReachesThreeRolesInThreeAccountsWithoutAnotherCode() throws Exception {
        List<String> first = List.of(RolehopProcess.launcher().toString(), "whoami", "--profile", "a");
        String code = LocalAws.mfaCode(world, SERIAL, Instant.now());
        try (TerminalSession session = TerminalSession.start(first, rolehop.environment())) {
            assertThat(session.waitFor("Enter MFA code for " + SERIAL + ": "))
                    .as(session.screen())
                    .isTrue();
            session.typeLine(code);
            assertThat(session.exitCode()).as(session.screen()).isZero();
            assertThat(session.screen())
                    .containsOnlyOnce("Enter MFA code")
                    .contains("Account:    222222222222")
                    .contains("Arn:        arn:aws:sts::222222222222:assumed-role/admin/rolehop-")
                    .doesNotContain(code);
        }

        // No terminal (setsid), no --mfa-token, no ROLEHOP_MFA_TOKEN: a code could come from nowhere.
        for (String profile : List.of("b", "c", "a")) {
            RolehopProcess.Result whoami = rolehop.run("whoami", "--profile", profile, "--output", "json");
            assertThat(whoami.exitCode()).as(profile + ": " + whoami.stderr()).isZero();
            assertThat(whoami.stderr()).isEmpty();
        }
        RolehopProcess.Result b = rolehop.run("whoami", "--profile", "b");
        RolehopProcess.Result c = rolehop.run("whoami", "--profile", "c");
        assertThat(b.stdout())
                .contains("Account:    333333333333")
                .contains("Arn:        arn:aws:sts::333333333333:assumed-role/admin/rolehop-");
        assertThat(c.stdout())
                .contains("Account:    444444444444")
                .contains("Arn:        arn:aws:sts::444444444444:assumed-role/admin/rolehop-");

        // One code, one GetSessionToken; each role assumed once, with the session; later runs hit the cache.
        assertThat(calls("GetSessionToken")).isEqualTo(1);
        assertThat(calls("AssumeRole")).isEqualTo(3);
        assertThat(requests).noneMatch(line -> line.contains("AccessDenied") || line.contains("ValidationError"));

        Path cache = rolehop.home().resolve(".aws/cli/cache");
        try (Stream<Path> entries = Files.list(cache)) {
            List<Path> json =
                    entries.filter(p -> p.toString().endsWith(".json")).toList();
            assertThat(json).hasSize(4); // the MFA session and three role sessions
            for (Path entry : json) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)))
                        .as(entry.toString())
                        .isEqualTo("rw-------");
            }
        }
        RolehopProcess.Result alice = rolehop.run("whoami", "--profile", "alice");
        assertThat(alice.stdout())
                .contains("Arn:        arn:aws:iam::111111111111:user/alice")
                .contains("Source:     profile alice: MFA session of " + KEY + " (cache " + cache + "/");
        assertThat(rolehop.run("profiles").stdout())
                .contains("a        -               access key " + KEY + " -> MFA session (" + SERIAL
                        + ") -> role arn:aws:iam::222222222222:role/admin (MFA from the session)\n");
    }

    @Test
    void theAwsCliUsesTheRoleSessionRolehopMadeThroughTheMfaSession() throws Exception {
        Path aws = Path.of("/usr/bin/aws");
        Assumptions.assumeTrue(Files.isExecutable(aws), "the AWS CLI 2.x is not installed at /usr/bin/aws");
        String code = LocalAws.mfaCode(world, SERIAL, Instant.now());
        assertThat(rolehop.run("whoami", "--profile", "a", "--mfa-token", code).exitCode())
                .isZero();

        // Profile a names the device as the AWS CLI expects; its cache key is the AWS CLI's, so the AWS
        // CLI (no terminal: it cannot prompt) reuses the role session rolehop made with one code.
        RolehopProcess.Result identity = rolehop.runCommand(
                "",
                List.of(
                        aws.toString(),
                        "sts",
                        "get-caller-identity",
                        "--profile",
                        "a",
                        "--endpoint-url",
                        local.endpoint().toString(),
                        "--region",
                        "us-east-1",
                        "--output",
                        "json"));

        assertThat(identity.exitCode()).as(identity.stderr()).isZero();
        assertThat(identity.stdout()).contains("arn:aws:sts::222222222222:assumed-role/admin/rolehop-");
    }
}
