package dev.rolehop.creds;

import static dev.rolehop.creds.support.TestWorld.SERIAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.creds.chain.StsClients;
import dev.rolehop.creds.support.MutableClock;
import dev.rolehop.creds.support.TestWorld;
import dev.rolehop.local.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sts.StsClient;

/** The resolver against rolehop local: real STS calls over HTTP, signed by the SDK. */
class ResolverAgainstLocalTest {

    private static final String LAB_KEY = "51fda109626bb275e34b3fddfcec8dacc4adad9b";

    @TempDir
    Path dir;

    private Path world;
    private Path home;
    private LocalAws local;
    private final Map<String, String> env = new HashMap<>();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final List<String> prompts = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        world = TestWorld.write(dir.resolve("world"));
        home = dir.resolve("home");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), TestWorld.config());
        Files.writeString(home.resolve(".aws/credentials"), TestWorld.credentials());
        local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0).withLog(requests::add));
        env.put("AWS_ENDPOINT_URL", local.endpoint().toString());
    }

    @AfterEach
    void stop() {
        local.close();
    }

    private String code(Duration offset) {
        return LocalAws.mfaCode(world, SERIAL, Instant.now().plus(offset));
    }

    private MfaPrompt answering(String... codes) {
        Deque<String> queue = new ArrayDeque<>(List.of(codes));
        return text -> {
            prompts.add(text);
            return Optional.ofNullable(queue.poll());
        };
    }

    private CredentialResolver resolver(MfaPrompt prompt) {
        return CredentialResolver.create(
                new ResolverOptions(env, home, Optional.empty(), prompt, true, clock, warnings::add));
    }

    private String callerArn(AwsCredentials credentials) {
        try (StsClient sts =
                StsClients.create(StsClients.fixed(credentials), Optional.of(local.endpoint()), "us-east-1", true)) {
            return sts.getCallerIdentity().arn();
        }
    }

    @Test
    void labWithMfaAssumesTheRoleOnceAndCachesItInTheAwsCliFile() throws IOException {
        AwsCredentials credentials = resolver(answering(code(Duration.ZERO))).resolve("lab");

        assertThat(callerArn(credentials)).startsWith("arn:aws:sts::222222222222:assumed-role/lab-admin/rolehop-");
        assertThat(credentials.source()).isEqualTo("profile lab: role " + TestWorld.LAB_ROLE + " (AssumeRole)");
        assertThat(credentials.accountId()).isEqualTo("222222222222");
        assertThat(prompts).containsExactly("Enter MFA code for " + SERIAL + ": ");
        Path entry = home.resolve(".aws/cli/cache/" + LAB_KEY + ".json");
        assertThat(Files.readString(entry))
                .startsWith("{\"Credentials\": {\"AccessKeyId\": \"" + credentials.accessKeyId() + "\"");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)))
                .isEqualTo("rw-------");
    }

    @Test
    void aSuppliedCodeThatIsNotSixDigitsFailsBeforeAnyCall() {
        env.put("ROLEHOP_MFA_TOKEN", "12345");

        assertThatThrownBy(() -> resolver(answering(code(Duration.ZERO))).resolve("deep"))
                .isInstanceOf(CredentialException.class)
                .hasMessage("profile 'lab': the MFA code in the ROLEHOP_MFA_TOKEN environment variable is not 6"
                        + " digits; set it to the 6-digit code that " + SERIAL + " shows now, or unset it to be"
                        + " asked for one");
        assertThat(requests).isEmpty();
        assertThat(prompts).isEmpty();
    }

    @Test
    void aPromptAnswerThatIsNotSixDigitsIsAskedAgainWithoutACall() {
        AwsCredentials credentials =
                resolver(answering("12345", code(Duration.ZERO))).resolve("lab");

        assertThat(credentials.source()).isEqualTo("profile lab: role " + TestWorld.LAB_ROLE + " (AssumeRole)");
        assertThat(prompts)
                .containsExactly(
                        "Enter MFA code for " + SERIAL + ": ",
                        "That is not an MFA code: it must be 6 digits. Enter MFA code for " + SERIAL + ": ");
        assertThat(requests).hasSize(1).allMatch(line -> line.contains(" sts AssumeRole OK "));
    }

    @Test
    void aSecondRunIsACacheHitWithoutAnyMfaSource() {
        AwsCredentials first = resolver(answering(code(Duration.ZERO))).resolve("lab");
        prompts.clear();

        AwsCredentials second = resolver(MfaPrompt.none()).resolve("lab");

        assertThat(second.accessKeyId()).isEqualTo(first.accessKeyId());
        assertThat(second.source())
                .isEqualTo("profile lab: role " + TestWorld.LAB_ROLE + " (cache "
                        + home.resolve(".aws/cli/cache/" + LAB_KEY + ".json") + ")");
    }

    @Test
    void anEntryWrittenInTheAwsCliLayoutIsUsed() throws IOException {
        // A session obtained outside rolehop, stored the way the AWS CLI 2.x stores it.
        software.amazon.awssdk.services.sts.model.Credentials session;
        try (StsClient sts = StsClients.create(
                StsClients.fixed(new AwsCredentials(TestWorld.ALICE_KEY, TestWorld.ALICE_SECRET, null, null, "test")),
                Optional.of(local.endpoint()),
                "us-east-1",
                false)) {
            session = sts.assumeRole(r -> r.roleArn(TestWorld.LAB_ROLE)
                            .roleSessionName("botocore-session-1700000000")
                            .serialNumber(SERIAL)
                            .tokenCode(code(Duration.ZERO)))
                    .credentials();
        }
        Path cache = Files.createDirectories(home.resolve(".aws/cli/cache"));
        Files.writeString(
                cache.resolve(LAB_KEY + ".json"),
                "{\"Credentials\": {\"AccessKeyId\": \"" + session.accessKeyId()
                        + "\", \"SecretAccessKey\": \"" + session.secretAccessKey() + "\", \"SessionToken\": \""
                        + session.sessionToken() + "\", \"Expiration\": \""
                        + session.expiration().toString().replace("Z", "+00:00")
                        + "\"}, \"AssumedRoleUser\": {\"AssumedRoleId\": \"AROA:botocore-session-1700000000\", \"Arn\":"
                        + " \"arn:aws:sts::222222222222:assumed-role/lab-admin/botocore-session-1700000000\"},"
                        + " \"ResponseMetadata\": {\"RequestId\": \"r-1\", \"HTTPStatusCode\": 200, \"HTTPHeaders\": {},"
                        + " \"RetryAttempts\": 0}}");

        AwsCredentials credentials = resolver(MfaPrompt.none()).resolve("lab");

        assertThat(callerArn(credentials))
                .isEqualTo("arn:aws:sts::222222222222:assumed-role/lab-admin/botocore-session-1700000000");
    }

    @Test
    void aThreeHopChainAssumesEachRoleInTurn() {
        AwsCredentials credentials = resolver(answering(code(Duration.ZERO))).resolve("deep");

        assertThat(callerArn(credentials)).startsWith("arn:aws:sts::333333333333:assumed-role/deep/rolehop-");
        assertThat(home.resolve(".aws/cli/cache/" + LAB_KEY + ".json")).exists();
    }

    @Test
    void theExternalIdIsSent() {
        assertThat(callerArn(resolver(MfaPrompt.none()).resolve("partner")))
                .startsWith("arn:aws:sts::222222222222:assumed-role/partner/");
    }

    @Test
    void aWrongExternalIdFailsWithAwsCodeAndMessage() {
        assertThatThrownBy(() -> resolver(MfaPrompt.none()).resolve("stranger"))
                .isInstanceOf(CredentialException.class)
                .hasMessageStartingWith(
                        "profile 'stranger': AssumeRole of arn:aws:iam::222222222222:role/partner failed:"
                                + " AccessDenied: User: arn:aws:iam::111111111111:user/alice is not authorized to perform:"
                                + " sts:AssumeRole on resource: arn:aws:iam::222222222222:role/partner");
    }

    @Test
    void durationSecondsIsHonoured() {
        Instant before = Instant.now();
        AwsCredentials credentials = resolver(MfaPrompt.none()).resolve("long");

        assertThat(credentials.expiration())
                .isBetween(before.plusSeconds(7200 - 1), Instant.now().plusSeconds(7200 + 1));
    }

    @Test
    void credentialSourceEnvironmentUsesTheEnvironmentKeys() {
        env.put("AWS_ACCESS_KEY_ID", TestWorld.ALICE_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", TestWorld.ALICE_SECRET);
        Path credentialsFile = home.resolve(".aws/credentials");
        env.put(
                "AWS_SHARED_CREDENTIALS_FILE",
                credentialsFile.resolveSibling("none").toString());

        assertThat(callerArn(resolver(MfaPrompt.none()).resolve("ci")))
                .startsWith("arn:aws:sts::222222222222:assumed-role/ci/");
    }

    @Test
    void aRejectedCodeIsReportedAndANewOneAskedFor() {
        AwsCredentials credentials =
                resolver(answering("000000", code(Duration.ZERO))).resolve("lab");

        assertThat(callerArn(credentials)).contains(":assumed-role/lab-admin/");
        assertThat(warnings)
                .containsExactly("profile 'lab': MFA code rejected: MultiFactorAuthentication failed with"
                        + " invalid MFA one time pass code. (attempt 1 of 3)");
        assertThat(prompts).hasSize(2);
    }

    @Test
    void threeRejectedCodesEndTheRun() {
        assertThatThrownBy(
                        () -> resolver(answering("000000", "000001", "000002")).resolve("lab"))
                .hasMessage("profile 'lab': 3 MFA codes for " + SERIAL + " were rejected; last answer from AWS:"
                        + " MultiFactorAuthentication failed with invalid MFA one time pass code.");
    }

    @Test
    void aRejectedExplicitCodeWithoutTerminalNamesAwsMessage() {
        CredentialResolver resolver = CredentialResolver.create(
                new ResolverOptions(env, home, Optional.of("000000"), MfaPrompt.none(), true, clock, warnings::add));

        assertThatThrownBy(() -> resolver.resolve("lab"))
                .hasMessage(
                        "profile 'lab': AWS rejected the MFA code (MultiFactorAuthentication failed with invalid MFA"
                                + " one time pass code.) and no source has another one; supply a code with --mfa-token CODE, the"
                                + " ROLEHOP_MFA_TOKEN environment variable, or an mfa_process command in the profile");
    }

    @Test
    void noCacheNeitherReadsNorWrites() {
        CredentialResolver resolver = CredentialResolver.create(new ResolverOptions(
                env, home, Optional.empty(), answering(code(Duration.ZERO)), false, clock, warnings::add));

        assertThat(callerArn(resolver.resolve("lab"))).contains(":assumed-role/lab-admin/");
        assertThat(home.resolve(".aws/cli/cache")).doesNotExist();
    }

    @Test
    void aCorruptEntryIsReplacedAfterAWarning() throws IOException {
        Path cache = Files.createDirectories(home.resolve(".aws/cli/cache"));
        Files.writeString(cache.resolve(LAB_KEY + ".json"), "garbage");

        AwsCredentials credentials = resolver(answering(code(Duration.ZERO))).resolve("lab");

        assertThat(warnings)
                .containsExactly("ignoring corrupt cache entry " + cache.resolve(LAB_KEY + ".json")
                        + " (Expecting value: line 1 column 1 (char 0))");
        assertThat(Files.readString(cache.resolve(LAB_KEY + ".json"))).contains(credentials.accessKeyId());
    }

    @Test
    void anEntryWithLessThanFifteenMinutesLeftIsRefreshed() {
        AwsCredentials first = resolver(answering(code(Duration.ZERO))).resolve("lab");
        clock.advance(Duration.ofMinutes(46));

        AwsCredentials second =
                resolver(answering(code(Duration.ofSeconds(30)))).resolve("lab");

        assertThat(second.accessKeyId()).isNotEqualTo(first.accessKeyId());
        assertThat(second.source()).endsWith("(AssumeRole)");
    }

    @Test
    void theProviderRefreshesSilentlyWhereNoMfaIsNeeded() {
        CredentialResolver resolver = resolver(MfaPrompt.none());
        var provider = resolver.provider("partner");
        String first = provider.resolveCredentials().accessKeyId();
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo(first);

        clock.advance(Duration.ofMinutes(50));

        assertThat(provider.resolveCredentials().accessKeyId()).isNotEqualTo(first);
        assertThat(prompts).isEmpty();
    }

    @Test
    void theProviderRefreshesThroughTheMfaSourcesWhereNeeded() {
        CredentialResolver resolver = resolver(answering(code(Duration.ZERO), code(Duration.ofSeconds(30))));
        var provider = resolver.provider("lab");
        String first = provider.resolveCredentials().accessKeyId();

        clock.advance(Duration.ofMinutes(50));

        assertThat(provider.resolveCredentials().accessKeyId()).isNotEqualTo(first);
        assertThat(prompts).hasSize(2);
    }

    @Test
    void concurrentResolvesAskForOneCodeBetweenThem() {
        CredentialResolver one = resolver(answering(code(Duration.ZERO)));
        CredentialResolver two = resolver(answering(code(Duration.ZERO)));

        CompletableFuture<AwsCredentials> a = CompletableFuture.supplyAsync(() -> one.resolve("lab"));
        CompletableFuture<AwsCredentials> b = CompletableFuture.supplyAsync(() -> two.resolve("lab"));

        assertThat(a.join().accessKeyId()).isEqualTo(b.join().accessKeyId());
        assertThat(prompts).hasSize(1);
    }

    private static final String MFA_USER_CONFIG = "[profile alice]\naws_access_key_id = " + TestWorld.ALICE_KEY
            + "\naws_secret_access_key = " + TestWorld.ALICE_SECRET + "\nmfa_serial = " + SERIAL + "\n"
            + "rolehop_session_duration_seconds = 7200\n"
            + "[profile lab2]\nrole_arn = " + TestWorld.LAB_ROLE + "\nsource_profile = alice\nmfa_serial = " + SERIAL
            + "\n[profile deep2]\nrole_arn = arn:aws:iam::333333333333:role/deep\nsource_profile = lab2\n"
            + "[profile ci2]\nrole_arn = arn:aws:iam::222222222222:role/ci\nsource_profile = alice\n";

    @Test
    void oneCodeMakesAnMfaSessionThatEveryRoleOfTheUserReusesWithoutAnotherCode() throws IOException {
        Files.writeString(home.resolve(".aws/config"), TestWorld.config() + MFA_USER_CONFIG);

        AwsCredentials lab = resolver(answering(code(Duration.ZERO))).resolve("lab2");
        AwsCredentials ci = resolver(MfaPrompt.none()).resolve("ci2");
        AwsCredentials deep = resolver(MfaPrompt.none()).resolve("deep2");

        assertThat(prompts).containsExactly("Enter MFA code for " + SERIAL + ": ");
        assertThat(callerArn(lab)).startsWith("arn:aws:sts::222222222222:assumed-role/lab-admin/rolehop-");
        assertThat(callerArn(ci)).startsWith("arn:aws:sts::222222222222:assumed-role/ci/rolehop-");
        assertThat(callerArn(deep)).startsWith("arn:aws:sts::333333333333:assumed-role/deep/rolehop-");
        // One GetSessionToken with the code; the roles are assumed with its session (lab-admin's trust
        // policy sees the session's MFA context); deep2 finds lab2's role in the cache and assumes deep.
        assertThat(requests.stream().map(line -> line.replaceAll("^\\S+ sts (\\S+) (\\S+) .*$", "$1 $2")))
                .containsExactly(
                        "GetSessionToken OK",
                        "AssumeRole OK",
                        "AssumeRole OK",
                        "AssumeRole OK",
                        "GetCallerIdentity OK",
                        "GetCallerIdentity OK",
                        "GetCallerIdentity OK")
                .hasSize(7);
        MfaSessionFiles files = new MfaSessionFiles(home);
        assertThat(files.sessionEntry()).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.sessionEntry())))
                .isEqualTo("rw-------");
        assertThat(Files.readString(files.sessionEntry())).doesNotContain("AssumedRoleUser");
        assertThat(resolver(MfaPrompt.none()).resolve("alice").source())
                .isEqualTo("profile alice: MFA session of " + TestWorld.ALICE_KEY + " (cache " + files.sessionEntry()
                        + ")");
        assertThat(resolver(MfaPrompt.none()).clearCache("lab2")).isEqualTo(2);
        assertThat(files.sessionEntry()).doesNotExist();
    }

    @Test
    void theSessionLastsRolehopSessionDurationSecondsAndIsRefreshedWithANewCode() throws IOException {
        Files.writeString(home.resolve(".aws/config"), TestWorld.config() + MFA_USER_CONFIG);

        AwsCredentials session = resolver(answering(code(Duration.ZERO))).resolve("alice");

        assertThat(Duration.between(Instant.now(), session.expiration()))
                .isBetween(Duration.ofSeconds(7100), Duration.ofSeconds(7200));
        assertThat(session.source())
                .isEqualTo("profile alice: MFA session of " + TestWorld.ALICE_KEY + " (GetSessionToken)");
        clock.advance(Duration.between(clock.instant(), session.expiration().minus(Duration.ofMinutes(10))));
        assertThatThrownBy(() -> resolver(MfaPrompt.none()).resolve("ci2"))
                .hasMessageContaining("the MFA session of access key " + TestWorld.ALICE_KEY + " requires an MFA code");
    }

    /** Where the alice MFA session of {@link #MFA_USER_CONFIG} is cached. */
    private record MfaSessionFiles(Path home) {
        Path sessionEntry() {
            return home.resolve(".aws/cli/cache/"
                    + new dev.rolehop.creds.chain.MfaSession("alice", TestWorld.ALICE_KEY, SERIAL, 7200, null)
                            .cacheKey()
                    + ".json");
        }
    }
}
