package dev.rolehop.cli.creds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.local.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Role chains through the packaged CLI against rolehop local: three hops with MFA, an external id,
 * duration_seconds, credential_source = Environment, and credential_process (rolehop itself).
 */
class ChainsIT {

    private static final String KEY = "AKIAALICECHAINS00001";
    private static final String SECRET = "aliceSecretKeyForChainTests0001";
    private static final String SERIAL = "arn:aws:iam::111111111111:mfa/alice";
    private static final String ADMIN = "\n        policies: [{name: admin, document: {Version: \"2012-10-17\","
            + " Statement: [{Effect: Allow, Action: \"*\", Resource: \"*\"}]}}]";
    private static final String WORLD = "accounts:\n"
            + "  - id: \"111111111111\"\n    users:\n      - name: alice\n"
            + "        access_keys: [{id: " + KEY + ", secret: \"" + SECRET + "\"}]\n"
            + "        mfa_devices: [{serial: \"" + SERIAL + "\", seed: JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP}]" + ADMIN
            + "\n"
            + "  - id: \"222222222222\"\n    roles:\n"
            + "      - name: lab-admin\n        trust_policy: {Version: \"2012-10-17\", Statement: [{Effect: Allow,"
            + " Principal: {AWS: \"arn:aws:iam::111111111111:root\"}, Action: \"sts:AssumeRole\","
            + " Condition: {Bool: {\"aws:MultiFactorAuthPresent\": \"true\"}}}]}" + ADMIN + "\n"
            + "      - name: partner\n        trust_policy: {Version: \"2012-10-17\", Statement: [{Effect: Allow,"
            + " Principal: {AWS: \"arn:aws:iam::111111111111:root\"}, Action: \"sts:AssumeRole\","
            + " Condition: {StringEquals: {\"sts:ExternalId\": ext-42}}}]}" + ADMIN + "\n"
            + "      - name: long\n        max_session_duration: 7200\n        trust_policy: {Version: \"2012-10-17\","
            + " Statement: [{Effect: Allow, Principal: {AWS: \"arn:aws:iam::111111111111:root\"},"
            + " Action: \"sts:AssumeRole\"}]}" + ADMIN + "\n"
            + "      - name: back\n        trust_policy: {Version: \"2012-10-17\", Statement: [{Effect: Allow,"
            + " Principal: {AWS: \"arn:aws:iam::333333333333:root\"}, Action: \"sts:AssumeRole\"}]}" + ADMIN + "\n"
            + "  - id: \"333333333333\"\n    roles:\n"
            + "      - name: deep\n        trust_policy: {Version: \"2012-10-17\", Statement: [{Effect: Allow,"
            + " Principal: {AWS: \"arn:aws:iam::222222222222:root\"}, Action: \"sts:AssumeRole\"}]}" + ADMIN + "\n";

    @TempDir
    static Path dir;

    private static Path world;
    private static LocalAws local;

    @BeforeAll
    static void start() throws IOException {
        world = Files.writeString(dir.resolve("world.yml"), WORLD);
        local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0));
    }

    @AfterAll
    static void stop() {
        local.close();
    }

    private RolehopProcess rolehop(Path home) throws IOException {
        String config = "[default]\nregion = us-east-1\n"
                + "[profile lab]\nrole_arn = arn:aws:iam::222222222222:role/lab-admin\nsource_profile = default\n"
                + "mfa_serial = " + SERIAL + "\n"
                + "[profile deep]\nrole_arn = arn:aws:iam::333333333333:role/deep\nsource_profile = lab\n"
                + "[profile hop3]\nrole_arn = arn:aws:iam::222222222222:role/back\nsource_profile = deep\n"
                + "[profile partner]\nrole_arn = arn:aws:iam::222222222222:role/partner\nsource_profile = default\n"
                + "external_id = ext-42\n"
                + "[profile stranger]\nrole_arn = arn:aws:iam::222222222222:role/partner\nsource_profile = default\n"
                + "[profile long]\nrole_arn = arn:aws:iam::222222222222:role/long\nsource_profile = default\n"
                + "duration_seconds = 7200\n"
                + "[profile ci]\nrole_arn = arn:aws:iam::222222222222:role/long\ncredential_source = Environment\n"
                + "[profile viaprocess]\ncredential_process = " + RolehopProcess.launcher()
                + " creds --profile partner --format process\n";
        return new RolehopProcess(Files.createDirectories(home))
                .awsFiles(
                        config, "[default]\naws_access_key_id = " + KEY + "\naws_secret_access_key = " + SECRET + "\n")
                .env("AWS_ENDPOINT_URL", local.endpoint().toString());
    }

    private static String json(String text, String field) {
        Matcher m = Pattern.compile("\"" + field + "\": \"([^\"]*)\"").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    @Test
    void aThreeHopChainThroughThreeAccountsEndsInTheLastRole(@TempDir Path home) throws Exception {
        String code = LocalAws.mfaCode(world, SERIAL, Instant.now());

        RolehopProcess.Result result =
                rolehop(home).run("whoami", "--profile", "hop3", "--mfa-token", code, "--output", "json");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(json(result.stdout(), "Arn")).startsWith("arn:aws:sts::222222222222:assumed-role/back/rolehop-");
        try (var entries = Files.list(home.resolve(".aws/cli/cache"))) {
            assertThat(entries.filter(p -> p.toString().endsWith(".json")).count())
                    .isEqualTo(3);
        }
    }

    @Test
    void theExternalIdIsSentAndAMissingOneIsRefusedByAws(@TempDir Path home) throws Exception {
        RolehopProcess rolehop = rolehop(home);

        assertThat(json(
                        rolehop.run("whoami", "--profile", "partner", "--output", "json")
                                .stdout(),
                        "Arn"))
                .startsWith("arn:aws:sts::222222222222:assumed-role/partner/rolehop-");
        RolehopProcess.Result refused = rolehop.run("whoami", "--profile", "stranger");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.stderr())
                .startsWith("rolehop whoami: profile 'stranger': AssumeRole of"
                        + " arn:aws:iam::222222222222:role/partner failed: AccessDenied: User:"
                        + " arn:aws:iam::111111111111:user/alice is not authorized to perform: sts:AssumeRole on resource:"
                        + " arn:aws:iam::222222222222:role/partner");
    }

    @Test
    void durationSecondsIsHonoured(@TempDir Path home) throws Exception {
        Instant before = Instant.now();

        RolehopProcess.Result result = rolehop(home).run("creds", "--profile", "long", "--format", "json");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Instant.parse(json(result.stdout(), "Expiration")))
                .isBetween(before.plusSeconds(7200 - 1), Instant.now().plusSeconds(7200 + 1));
    }

    @Test
    void credentialSourceEnvironmentAssumesWithTheEnvironmentKeys(@TempDir Path home) throws Exception {
        RolehopProcess rolehop = rolehop(home).env("AWS_ACCESS_KEY_ID", KEY).env("AWS_SECRET_ACCESS_KEY", SECRET);
        Files.delete(home.resolve(".aws/credentials"));

        RolehopProcess.Result result = rolehop.run("whoami", "--profile", "ci", "--output", "json");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(json(result.stdout(), "Arn")).startsWith("arn:aws:sts::222222222222:assumed-role/long/rolehop-");
    }

    @Test
    void credentialProcessSuppliesTheCredentials(@TempDir Path home) throws Exception {
        RolehopProcess.Result result = rolehop(home).run("whoami", "--profile", "viaprocess", "--output", "json");

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(json(result.stdout(), "Arn")).startsWith("arn:aws:sts::222222222222:assumed-role/partner/rolehop-");
        assertThat(json(result.stdout(), "Source")).isEqualTo("credential_process of profile viaprocess");
    }
}
