package dev.rolehop.cli.creds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.local.DemoWorld;
import dev.rolehop.local.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jump -> lab with MFA on the demo world, end to end: the packaged CLI as a process with an
 * isolated HOME, rolehop local in the test JVM, and (when installed; required in CI) the AWS CLI 2.x.
 */
class LabMfaSessionIT {

    /** The AWS CLI's cache file name for the demo's lab profile (RoleArn + SerialNumber). */
    private static final String LAB_KEY = "51fda109626bb275e34b3fddfcec8dacc4adad9b";

    private static final Path AWS_CLI = Path.of("/usr/bin/aws");

    @TempDir
    Path dir;

    private Path world;
    private LocalAws local;
    private RolehopProcess rolehop;

    @BeforeEach
    void start() throws IOException {
        world = DemoWorld.write(dir.resolve("demo"));
        Path home = Files.createDirectories(dir.resolve("home"));
        rolehop = new RolehopProcess(home).demoAwsFiles(dir.resolve("demo"));
        local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0));
        rolehop.env("AWS_ENDPOINT_URL", local.endpoint().toString());
    }

    @AfterEach
    void stop() {
        local.close();
    }

    private String mfaCode() {
        return LocalAws.mfaCode(world, DemoWorld.MFA_SERIAL, Instant.now());
    }

    private Path cacheEntry() {
        return rolehop.home().resolve(".aws/cli/cache/" + LAB_KEY + ".json");
    }

    private static void assumeAwsCli() {
        if ("true".equals(System.getenv("CI"))) {
            assertThat(AWS_CLI)
                    .as("CI installs the AWS CLI 2.x at /usr/bin/aws")
                    .isExecutable();
        }
        Assumptions.assumeTrue(Files.isExecutable(AWS_CLI), "the AWS CLI 2.x is not installed at /usr/bin/aws");
    }

    private List<String> awsCli(String... args) {
        List<String> command = new ArrayList<>(List.of(AWS_CLI.toString()));
        command.addAll(List.of(args));
        command.addAll(
                List.of("--endpoint-url", local.endpoint().toString(), "--region", "us-east-1", "--output", "json"));
        return command;
    }

    @Test
    void theFirstWhoamiPromptsOnceOnATerminalAndTheSecondHitsTheCache() throws Exception {
        List<String> whoami = List.of(RolehopProcess.launcher().toString(), "whoami", "--profile", "lab");
        String code = mfaCode();
        try (TerminalSession first = TerminalSession.start(whoami, rolehop.environment())) {
            assertThat(first.waitFor("Enter MFA code for arn:aws:iam::111111111111:mfa/alice: "))
                    .as(first.screen())
                    .isTrue();
            first.typeLine(code);
            assertThat(first.exitCode()).as(first.screen()).isZero();
            assertThat(first.screen())
                    .contains("Arn:        arn:aws:sts::222222222222:assumed-role/lab-admin/rolehop-")
                    .contains("Account:    222222222222")
                    .doesNotContain(code);
        }
        try (TerminalSession second = TerminalSession.start(whoami, rolehop.environment())) {
            assertThat(second.exitCode()).as(second.screen()).isZero();
            assertThat(second.screen())
                    .doesNotContain("Enter MFA code")
                    .contains("Source:     profile lab: role " + DemoWorld.ROLE_ARN + " (cache " + cacheEntry() + ")");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheEntry())))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(cacheEntry().getParent())))
                .isEqualTo("rwx------");
    }

    @Test
    void underCredentialProcessThePromptUsesTheTerminalWithHiddenInput() throws Exception {
        Path config = rolehop.home().resolve(".aws/config");
        Files.writeString(
                config,
                Files.readString(config) + "[profile tool]\ncredential_process = " + RolehopProcess.launcher()
                        + " creds --profile lab --format process\n");
        List<String> whoami = List.of(RolehopProcess.launcher().toString(), "whoami", "--profile", "tool");
        String code = mfaCode();
        try (TerminalSession session = TerminalSession.start(whoami, rolehop.environment())) {
            assertThat(session.waitFor("Enter MFA code for arn:aws:iam::111111111111:mfa/alice: "))
                    .as(session.screen())
                    .isTrue();
            session.typeLine(code);
            assertThat(session.exitCode()).as(session.screen()).isZero();
            assertThat(session.screen())
                    .contains("Arn:        arn:aws:sts::222222222222:assumed-role/lab-admin/rolehop-")
                    .contains("Source:     credential_process of profile tool")
                    .doesNotContain(code);
        }
    }

    @Test
    void theAwsCliRunsOnRolehopsCacheEntryWithoutPrompting() throws Exception {
        assumeAwsCli();
        assertThat(rolehop.run("whoami", "--profile", "lab", "--mfa-token", mfaCode())
                        .exitCode())
                .isZero();

        // No terminal and no input: the AWS CLI 2.9 would prompt, or call real STS, on a cache miss.
        RolehopProcess.Result aws =
                rolehop.runCommand("", awsCli("ec2", "describe-security-groups", "--profile", "lab"));

        assertThat(aws.exitCode()).as(aws.stderr()).isZero();
        assertThat(aws.stdout()).contains("\"GroupName\": \"default\"").contains("\"OwnerId\": \"222222222222\"");
    }

    @Test
    void execRunsTheAwsCliWithTheLabSessionAndPassesItsExitStatusThrough() throws Exception {
        assumeAwsCli();
        List<String> describe = new ArrayList<>(List.of("exec", "--profile", "lab", "--mfa-token", mfaCode(), "--"));
        describe.addAll(awsCli("ec2", "describe-security-groups"));

        RolehopProcess.Result ok = rolehop.run(describe.toArray(String[]::new));

        assertThat(ok.exitCode()).as(ok.stderr()).isZero();
        assertThat(ok.stdout()).contains("\"OwnerId\": \"222222222222\"");

        List<String> missing = new ArrayList<>(List.of("exec", "--profile", "lab", "--"));
        missing.addAll(awsCli("ec2", "describe-security-groups", "--group-ids", "sg-0123456789abcdef0"));
        RolehopProcess.Result failed = rolehop.run(missing.toArray(String[]::new));

        assertThat(failed.exitCode()).isEqualTo(254);
        assertThat(failed.stderr()).contains("InvalidGroup.NotFound");
    }

    @Test
    void noSecretAppearsInAnyOutputExceptCreds() throws Exception {
        List<RolehopProcess.Result> results = new ArrayList<>();
        results.add(rolehop.run("whoami", "--profile", "lab", "--mfa-token", mfaCode()));
        String entry = Files.readString(cacheEntry());
        List<String> secrets = new ArrayList<>(List.of(
                field(entry, "SecretAccessKey"),
                field(entry, "SessionToken"),
                field(Files.readString(rolehop.home().resolve(".aws/credentials")), "aws_secret_access_key")));
        results.add(rolehop.run("whoami", "--profile", "lab", "--output", "json"));
        results.add(rolehop.run("profiles"));
        results.add(rolehop.run("profiles", "--explain", "lab"));
        results.add(rolehop.run("exec", "--profile", "lab", "--", "true"));
        results.add(rolehop.run("whoami", "--profile", "nope"));
        results.add(rolehop.run("creds", "--profile", "lab", "--clear"));
        results.add(rolehop.run("creds", "--profile", "lab"));

        for (RolehopProcess.Result result : results) {
            for (String secret : secrets) {
                assertThat(result.output()).doesNotContain(secret);
            }
        }
        RolehopProcess.Result creds = rolehop.run("creds", "--profile", "default", "--format", "process");
        assertThat(creds.stdout()).contains(secrets.get(2));
    }

    @Test
    void credsClearRemovesTheSessionSoTheNextRunNeedsACodeAgain() throws Exception {
        assertThat(rolehop.run("creds", "--profile", "lab", "--mfa-token", mfaCode(), "--format", "json")
                        .exitCode())
                .isZero();

        RolehopProcess.Result clear = rolehop.run("creds", "--profile", "lab", "--clear");

        assertThat(clear.stderr())
                .isEqualTo("rolehop creds: removed 1 cached session of profile lab from "
                        + cacheEntry().getParent() + "\n");
        assertThat(cacheEntry()).doesNotExist();
        assertThat(rolehop.run("creds", "--profile", "lab").stderr()).contains("requires an MFA code");
    }

    @Test
    void whenTheCacheIsAFileTheSessionStillWorksWithOneWarningNamingTheFix() throws Exception {
        Path cache = rolehop.home().resolve(".aws/cli/cache");
        Files.createDirectories(cache.getParent());
        Files.writeString(cache, "");

        RolehopProcess.Result result = rolehop.run("whoami", "--profile", "lab", "--mfa-token", mfaCode());

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("Account:    222222222222");
        assertThat(result.stderr())
                .isEqualTo("rolehop: warning: the session cache cannot be used: " + cache
                        + " is a file, not a directory, and rolehop and the AWS CLI keep cached sessions there;"
                        + " move the file away (mv " + cache + " " + cache + ".old); sessions are not cached\n");
        assertThat(Files.readString(cache)).isEmpty();
    }

    @Test
    void whoamiWarnsWhenAwsAccountIdDisagreesWithSts() throws Exception {
        Path credentials = rolehop.home().resolve(".aws/credentials");
        Files.writeString(credentials, Files.readString(credentials) + "aws_account_id = 999999999999\n");

        RolehopProcess.Result result = rolehop.run("whoami", "--profile", "default");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).contains("Account:    111111111111");
        assertThat(result.stderr())
                .isEqualTo("rolehop: warning: profile default: static keys: the credentials are said to belong to"
                        + " account 999999999999 (aws_account_id, AWS_ACCOUNT_ID or a credential_process AccountId) but"
                        + " STS says 111111111111; correct the setting, SDKs use it to route requests\n");
        RolehopProcess.Result lab =
                rolehop.run("creds", "--profile", "lab", "--mfa-token", mfaCode(), "--format", "json");
        assertThat(lab.stdout()).contains("\"AccountId\": \"222222222222\"");
        assertThat(Files.readString(cacheEntry())).contains("\"AccountId\": \"222222222222\"}");
    }

    private static String field(String text, String name) {
        Matcher m =
                Pattern.compile("\"?" + name + "\"?\\s*[:=]\\s*\"?([^\"\\n]+)").matcher(text);
        assertThat(m.find()).as(name).isTrue();
        return m.group(1).strip();
    }
}
