package dev.rolehop.local.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.local.DemoWorld;
import dev.rolehop.local.LocalFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.AccountInfo;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.RoleInfo;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/** IAM Identity Center of rolehop local, driven by the SDK v2's sso and ssooidc clients over real HTTP. */
class IdentityCenterTest {

    private final LocalFixture fixture = new LocalFixture();
    private final SsoOidcClient oidc = SsoOidcClient.builder()
            .endpointOverride(fixture.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
    private final SsoClient portal = SsoClient.builder()
            .endpointOverride(fixture.endpoint())
            .region(Region.US_EAST_1)
            .credentialsProvider(AnonymousCredentialsProvider.create())
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();

    @AfterEach
    void close() {
        oidc.close();
        portal.close();
        fixture.close();
    }

    private RegisterClientResponse register(List<String> scopes) {
        return oidc.registerClient(
                r -> r.clientName("test").clientType("public").scopes(scopes));
    }

    private StartDeviceAuthorizationResponse start(RegisterClientResponse client) {
        return oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .startUrl(DemoWorld.SSO_START_URL));
    }

    private CreateTokenResponse poll(RegisterClientResponse client, StartDeviceAuthorizationResponse device) {
        return oidc.createToken(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .grantType(OidcHandler.DEVICE_CODE_GRANT)
                .deviceCode(device.deviceCode()));
    }

    private void approve(StartDeviceAuthorizationResponse device) throws Exception {
        DeviceApproval.decide(fixture.endpoint(), device.userCode(), "alice", true);
    }

    private String signIn(List<String> scopes) throws Exception {
        RegisterClientResponse client = register(scopes);
        StartDeviceAuthorizationResponse device = start(client);
        approve(device);
        return poll(client, device).accessToken();
    }

    private static String errorCode(Throwable e) {
        return ((AwsServiceException) e).awsErrorDetails().errorCode();
    }

    @Test
    void theDeviceFlowAnswersPendingThenSlowDownToAFastPollerThenATokenOnceApproved() throws Exception {
        RegisterClientResponse client = register(List.of());
        StartDeviceAuthorizationResponse device = start(client);
        assertThat(device.verificationUri()).isEqualTo(fixture.endpoint() + "/device");
        assertThat(device.verificationUriComplete()).endsWith("/device?user_code=" + device.userCode());
        assertThat(device.interval()).isEqualTo(1);
        assertThat(device.expiresIn()).isEqualTo(600);

        assertThatThrownBy(() -> poll(client, device))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AuthorizationPendingException"));
        assertThatThrownBy(() -> poll(client, device))
                .as("one quick second poll is let through, as the AWS CLI makes one")
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AuthorizationPendingException"));
        assertThatThrownBy(() -> poll(client, device))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("SlowDownException"));
        fixture.clock.advance(Duration.ofSeconds(1));
        approve(device);
        CreateTokenResponse token = poll(client, device);
        assertThat(token.accessToken()).startsWith("aoa");
        assertThat(token.expiresIn()).isEqualTo(28800);
        assertThat(token.refreshToken()).as("no scopes, no refresh token").isNull();
        assertThatThrownBy(() -> poll(client, device))
                .as("a device code is exchanged once")
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidGrantException"));
    }

    @Test
    void aDeniedSignInAnswersAccessDeniedAndAnExpiredOneExpiredToken() throws Exception {
        RegisterClientResponse client = register(List.of());
        StartDeviceAuthorizationResponse denied = start(client);
        DeviceApproval.decide(fixture.endpoint(), denied.userCode(), null, false);
        assertThatThrownBy(() -> poll(client, denied))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDeniedException"));

        StartDeviceAuthorizationResponse late = start(client);
        fixture.clock.advance(Duration.ofMinutes(11));
        assertThatThrownBy(() -> poll(client, late))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("ExpiredTokenException"));
    }

    @Test
    void approvalRefusesUnknownCodesAndUsersSayingWhy() throws Exception {
        StartDeviceAuthorizationResponse device = start(register(List.of()));
        assertThatThrownBy(() -> DeviceApproval.decide(fixture.endpoint(), "ABCD-EFGH", "alice", true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no pending sign-in shows the code 'ABCD-EFGH'");
        assertThatThrownBy(() -> DeviceApproval.decide(fixture.endpoint(), device.userCode(), "mallory", true))
                .hasMessage("no Identity Center user 'mallory' (users: alice)");
        assertThat(DeviceApproval.decide(
                        fixture.endpoint(), device.userCode().replace("-", "").toLowerCase(), "alice", true))
                .startsWith("Approved");
    }

    @Test
    void aWrongClientSecretIsAnInvalidClient() {
        RegisterClientResponse client = register(List.of());
        assertThatThrownBy(() -> oidc.startDeviceAuthorization(
                        r -> r.clientId(client.clientId()).clientSecret("nope").startUrl(DemoWorld.SSO_START_URL)))
                .satisfies(
                        e -> assertThat(((AwsServiceException) e).statusCode()).isEqualTo(401))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidClientException"));
    }

    @Test
    void roleCredentialsAreAPermissionSetRoleSessionThatStsAndEc2Accept() throws Exception {
        String token = signIn(List.of());
        RoleCredentials lab = portal.getRoleCredentials(r ->
                        r.accessToken(token).accountId(DemoWorld.LAB_ACCOUNT).roleName("AdministratorAccess"))
                .roleCredentials();
        assertThat(lab.expiration())
                .isEqualTo(fixture.clock.instant().plusSeconds(3600).getEpochSecond() * 1000);
        var session = AwsSessionCredentials.create(lab.accessKeyId(), lab.secretAccessKey(), lab.sessionToken());
        try (var sts = fixture.sts(session)) {
            assertThat(sts.getCallerIdentity().arn())
                    .matches(
                            "arn:aws:sts::222222222222:assumed-role/AWSReservedSSO_AdministratorAccess_[0-9a-f]{16}/alice");
        }
        RoleCredentials readOnly = portal.getRoleCredentials(r ->
                        r.accessToken(token).accountId(DemoWorld.JUMP_ACCOUNT).roleName("ReadOnly"))
                .roleCredentials();
        var reader = AwsSessionCredentials.create(
                readOnly.accessKeyId(), readOnly.secretAccessKey(), readOnly.sessionToken());
        try (var ec2 = fixture.ec2(reader)) {
            assertThat(ec2.describeSecurityGroups().securityGroups()).isNotEmpty();
            assertThatThrownBy(
                            () -> ec2.createSecurityGroup(r -> r.groupName("x").description("x")))
                    .satisfies(e -> assertThat(errorCode(e)).isEqualTo("UnauthorizedOperation"));
        }
    }

    @Test
    void aRoleTheUserIsNotAssignedIsForbiddenAndABadTokenUnauthorized() throws Exception {
        String token = signIn(List.of());
        assertThatThrownBy(() -> portal.getRoleCredentials(r ->
                        r.accessToken(token).accountId(DemoWorld.JUMP_ACCOUNT).roleName("AdministratorAccess")))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("ForbiddenException"))
                .hasMessageStartingWith("No access");
        assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken("aoa-not-a-token")))
                .satisfies(
                        e -> assertThat(((AwsServiceException) e).statusCode()).isEqualTo(401))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("UnauthorizedException"))
                .hasMessageStartingWith("Session token not found or invalid");
    }

    @Test
    void listsTheAccountsAndRolesOfTheUserPageByPage() throws Exception {
        String token = signIn(List.of());
        var first = portal.listAccounts(r -> r.accessToken(token).maxResults(1));
        assertThat(first.accountList()).extracting(AccountInfo::accountId).containsExactly(DemoWorld.JUMP_ACCOUNT);
        assertThat(first.accountList().get(0).accountName()).isEqualTo("jump");
        var second = portal.listAccounts(r -> r.accessToken(token).maxResults(1).nextToken(first.nextToken()));
        assertThat(second.accountList()).extracting(AccountInfo::accountId).containsExactly(DemoWorld.LAB_ACCOUNT);
        assertThat(second.nextToken()).isNull();
        assertThat(portal.listAccountRoles(r -> r.accessToken(token).accountId(DemoWorld.LAB_ACCOUNT))
                        .roleList())
                .extracting(RoleInfo::roleName)
                .containsExactly("AdministratorAccess", "ReadOnly");
        assertThat(portal.listAccountsPaginator(r -> r.accessToken(token).maxResults(1))
                        .accountList())
                .hasSize(2);
    }

    @Test
    void aRefreshTokenGivesANewAccessTokenAndLogoutEndsIt() throws Exception {
        RegisterClientResponse client = register(List.of("sso:account:access"));
        StartDeviceAuthorizationResponse device = start(client);
        approve(device);
        CreateTokenResponse first = poll(client, device);
        assertThat(first.refreshToken()).startsWith("aor");
        CreateTokenResponse refreshed = oidc.createToken(r -> r.clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .grantType("refresh_token")
                .refreshToken(first.refreshToken()));
        assertThat(refreshed.accessToken()).isNotEqualTo(first.accessToken());
        assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken(first.accessToken())))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("UnauthorizedException"));
        assertThatThrownBy(() -> oidc.createToken(r -> r.clientId(client.clientId())
                        .clientSecret(client.clientSecret())
                        .grantType("refresh_token")
                        .refreshToken(first.refreshToken())))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("InvalidGrantException"));

        portal.logout(r -> r.accessToken(refreshed.accessToken()));
        assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken(refreshed.accessToken())))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("UnauthorizedException"));
        assertThat(fixture.log).anyMatch(line -> line.startsWith("alice sso Logout OK"));
        assertThat(String.join("\n", fixture.log))
                .doesNotContain(refreshed.accessToken())
                .doesNotContain(first.refreshToken());
    }

    @Test
    void anAccessTokenExpiresAfterEightHours() throws Exception {
        String token = signIn(List.of());
        fixture.clock.advance(Duration.ofHours(8));
        assertThatThrownBy(() -> portal.listAccounts(r -> r.accessToken(token)))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("UnauthorizedException"));
    }

    @Test
    void anUnsupportedGrantIsNamed() {
        RegisterClientResponse client = register(List.of());
        assertThatThrownBy(() -> oidc.createToken(r -> r.clientId(client.clientId())
                        .clientSecret(client.clientSecret())
                        .grantType("password")))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("UnsupportedGrantTypeException"));
    }
}
