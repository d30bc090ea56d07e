package dev.rolehop.creds.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.CredentialResolver;
import dev.rolehop.creds.ResolverOptions;
import dev.rolehop.creds.chain.StsClients;
import dev.rolehop.creds.support.MutableClock;
import dev.rolehop.local.DemoWorld;
import dev.rolehop.local.LocalAws;
import dev.rolehop.local.sso.DeviceApproval;
import dev.rolehop.python.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sts.StsClient;

/** IAM Identity Center profiles against rolehop local: sign-in, the two caches, renewal, sign-out. */
class SsoAgainstLocalTest {

    /** botocore's keys (SSOTokenLoader, SSOCredentialFetcher), computed by AWS CLI 2.9.19's own code. */
    private static final String CORP_TOKEN_FILE = "ee0bfd2552fbd840c02cc48b6e823320543c450f.json";

    private static final String LEGACY_TOKEN_FILE = "fad266b4bf57e1c2e135bb5a01d9369d94869e73.json";
    private static final String DEV_ROLE_FILE = "1d2f9c063874f35c2662667d509516b6ffbb23d5.json";
    private static final String LEGACY_ROLE_FILE = "8111289ae511dd7c5385770d64f465bbac0f562f.json";

    @TempDir
    Path dir;

    private Path home;
    private LocalAws local;
    private final Map<String, String> env = new HashMap<>();
    private final MutableClock clock = new MutableClock(Instant.now());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        Path world = DemoWorld.write(dir.resolve("world"));
        home = dir.resolve("home");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), """
                [sso-session corp]
                sso_start_url = %1$s
                sso_region = us-east-1
                sso_registration_scopes = sso:account:access

                [profile dev]
                sso_session = corp
                sso_account_id = 222222222222
                sso_role_name = AdministratorAccess

                [profile legacy]
                sso_start_url = %1$s
                sso_region = us-east-1
                sso_account_id = 111111111111
                sso_role_name = ReadOnly

                [profile nowhere]
                sso_session = corp
                sso_account_id = 111111111111
                sso_role_name = AdministratorAccess
                """.formatted(DemoWorld.SSO_START_URL));
        local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0).withLog(requests::add));
        env.put("AWS_ENDPOINT_URL", local.endpoint().toString());
    }

    @AfterEach
    void stop() {
        local.close();
    }

    private CredentialResolver resolver() {
        return CredentialResolver.create(
                new ResolverOptions(env, home, Optional.empty(), text -> Optional.empty(), true, clock, line -> {}));
    }

    private SsoToken signIn(SsoConfig config) {
        CredentialResolver resolver = resolver();
        SsoDeviceFlow flow = new SsoDeviceFlow(resolver.ssoTokenCache(), resolver.ssoClients(null), clock, s -> {});
        return flow.signIn(config, (uri, code, complete) -> {
            assertThat(uri).isEqualTo(local.endpoint() + "/device");
            try {
                DeviceApproval.decide(local.endpoint(), code, "alice", true);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    private String arn(AwsCredentials credentials) {
        try (StsClient sts =
                StsClients.create(StsClients.fixed(credentials), Optional.of(local.endpoint()), "us-east-1", true)) {
            return sts.getCallerIdentity().arn();
        }
    }

    private Path ssoCache(String file) {
        return home.resolve(".aws/sso/cache").resolve(file);
    }

    private Path cliCache(String file) {
        return home.resolve(".aws/cli/cache").resolve(file);
    }

    @Test
    void withoutASignInTheErrorNamesTheLoginCommand() {
        assertThatThrownBy(() -> resolver().resolve("dev"))
                .isInstanceOf(CredentialException.class)
                .hasMessage("profile 'dev': there is no IAM Identity Center sign-in for " + DemoWorld.SSO_START_URL
                        + " (no " + ssoCache(CORP_TOKEN_FILE) + "); run rolehop sso login --profile dev");
    }

    @Test
    void aSignInIsCachedAsTheAwsCliCachesItAndGivesThePermissionSetsRole() throws IOException {
        SsoToken token = signIn(resolver().ssoConfigOfSession("corp"));
        assertThat(token.refreshToken()).as("scoped registration").isNotNull();
        Path file = ssoCache(CORP_TOKEN_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        Map<?, ?> json = (Map<?, ?>) Json.loads(Files.readString(file));
        assertThat(json.keySet().stream().map(String::valueOf).toList())
                .containsExactly(
                        "startUrl",
                        "region",
                        "accessToken",
                        "expiresAt",
                        "clientId",
                        "clientSecret",
                        "registrationExpiresAt",
                        "refreshToken");
        assertThat((String) json.get("expiresAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        AwsCredentials dev = resolver().resolve("dev");
        assertThat(arn(dev))
                .matches(
                        "arn:aws:sts::222222222222:assumed-role/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}/alice");
        assertThat(dev.accountId()).isEqualTo("222222222222");
        Map<?, ?> entry = (Map<?, ?>) Json.loads(Files.readString(cliCache(DEV_ROLE_FILE)));
        assertThat(entry.get("ProviderType")).isEqualTo("sso");
        assertThat((String) ((Map<?, ?>) entry.get("Credentials")).get("Expiration"))
                .endsWith("Z");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cliCache(DEV_ROLE_FILE))))
                .isEqualTo("rw-------");

        AwsCredentials again = resolver().resolve("dev");
        assertThat(again.source()).contains("cache " + cliCache(DEV_ROLE_FILE));
        assertThat(again.accessKeyId()).isEqualTo(dev.accessKeyId());
    }

    @Test
    void aFailedRenewalKeepsUsingTheTokenWhileItIsValid() throws IOException {
        SsoToken first = signIn(resolver().ssoConfigOfSession("corp"));
        Path file = ssoCache(CORP_TOKEN_FILE);
        // Within the 15-minute window: renewed before use.
        clock.advance(Duration.between(clock.instant(), first.expiresAt().minusSeconds(60)));
        local.close();
        local = LocalAws.start(new LocalAws.Options(dir.resolve("world/world.yml"), null, "127.0.0.1", 0));
        env.put("AWS_ENDPOINT_URL", local.endpoint().toString());
        assertThatThrownBy(() -> resolver().resolve("dev"))
                .as("a restarted rolehop local forgets its tokens, so renewal fails and the old token is still used")
                .hasMessageContaining("no longer accepts the sign-in's token");
        assertThat(Files.readString(file)).contains(first.accessToken());
    }

    @Test
    void anExpiringTokenIsRenewedWithItsRefreshTokenAndRecached() throws IOException {
        SsoToken first = signIn(resolver().ssoConfigOfSession("corp"));
        clock.advance(Duration.between(clock.instant(), first.expiresAt().minusSeconds(60)));
        AwsCredentials dev = resolver().resolve("dev");
        SsoToken renewed = new SsoTokenCache(home.resolve(".aws/sso/cache"))
                .read(resolver().ssoConfigOfSession("corp"))
                .orElseThrow();
        assertThat(renewed.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(renewed.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(renewed.clientId()).isEqualTo(first.clientId());
        assertThat(dev.accessKeyId()).startsWith("ASIA");
    }

    @Test
    void aLegacyProfileSignsInByStartUrlAndFailsClearlyOnceExpired() throws IOException {
        SsoToken token = signIn(resolver().ssoConfigOfProfile("legacy"));
        assertThat(token.refreshToken()).isNull();
        assertThat(ssoCache(LEGACY_TOKEN_FILE)).exists();
        assertThat(arn(resolver().resolve("legacy"))).contains(":assumed-role/AWSReservedSSO_ReadOnly_");
        assertThat(cliCache(LEGACY_ROLE_FILE)).exists();

        Files.delete(cliCache(LEGACY_ROLE_FILE));
        clock.advance(Duration.between(clock.instant(), token.expiresAt().plusSeconds(1)));
        assertThatThrownBy(() -> resolver().resolve("legacy"))
                .hasMessageStartingWith("profile 'legacy': the IAM Identity Center sign-in for "
                        + DemoWorld.SSO_START_URL + " expired at ")
                .hasMessageEndingWith("; run rolehop sso login --profile legacy");
    }

    @Test
    void aRoleTheUserCannotReachIsNamed() {
        signIn(resolver().ssoConfigOfSession("corp"));
        assertThatThrownBy(() -> resolver().resolve("nowhere"))
                .hasMessage("profile 'nowhere': IAM Identity Center gave no credentials for role AdministratorAccess"
                        + " in account 111111111111 (ForbiddenException: No access); check sso_account_id and"
                        + " sso_role_name (rolehop profiles --sso-session or --sso-profile lists what you can reach)");
    }

    @Test
    void listsWhatTheSignInReachesAndSignsOutEverywhere() throws IOException {
        CredentialResolver resolver = resolver();
        SsoConfig corp = resolver.ssoConfigOfSession("corp");
        SsoToken token = signIn(corp);
        SsoPortal portal = new SsoPortal(resolver.ssoClients(null));
        assertThat(portal.reachable(corp, token))
                .containsExactly(
                        new SsoPortal.AccountRoles("111111111111", "jump", List.of("ReadOnly")),
                        new SsoPortal.AccountRoles("222222222222", "lab", List.of("AdministratorAccess", "ReadOnly")));
        resolver.resolve("dev");
        Files.writeString(cliCache("assumed.json"), "{\"Credentials\": {}}");

        SsoPortal.SignOut out = portal.signOutAll(resolver.ssoTokenCache(), resolver.credentialCache());
        assertThat(out).isEqualTo(new SsoPortal.SignOut(1, 1));
        assertThat(ssoCache(CORP_TOKEN_FILE)).doesNotExist();
        assertThat(cliCache(DEV_ROLE_FILE)).doesNotExist();
        assertThat(cliCache("assumed.json")).as("not an SSO entry").exists();
        assertThat(requests).anyMatch(line -> line.startsWith("alice sso Logout OK"));
        assertThatThrownBy(() -> portal.reachable(corp, token)).hasMessageContaining("no longer accepts");
    }

    @Test
    void anSsoSessionThatDoesNotExistIsNamed() {
        assertThatThrownBy(() -> resolver().ssoConfigOfSession("nope"))
                .hasMessage("sso-session 'nope' does not exist in " + home.resolve(".aws/config")
                        + " (defined sso-sessions: corp); add a [sso-session nope] section with sso_start_url and"
                        + " sso_region");
    }
}
