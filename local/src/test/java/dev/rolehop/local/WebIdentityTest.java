package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityResponse;

/** STS AssumeRoleWithWebIdentity of rolehop local, called by the SDK unsigned, as AWS takes it. */
class WebIdentityTest {

    private final LocalFixture f = new LocalFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    private StsClient anonymous() {
        return StsClient.builder()
                .endpointOverride(f.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private String token(String subject, String audience, Duration lifetime) {
        return LocalAws.webIdentityToken(
                f.world, DemoWorld.OIDC_ISSUER, subject, audience, lifetime, f.clock.instant());
    }

    private AssumeRoleWithWebIdentityResponse assume(String roleArn, String token) {
        try (StsClient sts = anonymous()) {
            return sts.assumeRoleWithWebIdentity(
                    r -> r.roleArn(roleArn).roleSessionName("ci-run").webIdentityToken(token));
        }
    }

    private AwsServiceException refused(String roleArn, String token) {
        try {
            assume(roleArn, token);
        } catch (AwsServiceException e) {
            return e;
        }
        throw new AssertionError("expected an AWS error");
    }

    @Test
    void aValidTokenGivesASessionOfTheRole() {
        AssumeRoleWithWebIdentityResponse r =
                assume(DemoWorld.CI_ROLE_ARN, token("repo:example/app:ref:refs/heads/main", null, Duration.ofHours(1)));

        assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/ci-deploy/ci-run");
        assertThat(r.subjectFromWebIdentityToken()).isEqualTo("repo:example/app:ref:refs/heads/main");
        assertThat(r.provider()).isEqualTo("arn:aws:iam::222222222222:oidc-provider/ci.rolehop.test");
        assertThat(r.audience()).isEqualTo("sts.amazonaws.com");
        assertThat(r.credentials().expiration())
                .isEqualTo(f.clock.instant().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        try (StsClient sts = f.sts(LocalFixture.session(r.credentials()))) {
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::222222222222:assumed-role/ci-deploy/ci-run");
        }
    }

    @Test
    void theRequestIsLoggedAsUnsignedWithoutTheToken() {
        String token = token("repo:example/app", null, Duration.ofHours(1));

        assume(DemoWorld.CI_ROLE_ARN, token);

        assertThat(f.log).anyMatch(l -> l.startsWith("unsigned sts AssumeRoleWithWebIdentity OK"));
        assertThat(String.join("\n", f.log)).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }

    @Test
    void aSubjectTheTrustPolicyDoesNotAdmitIsDenied() {
        AwsServiceException e = refused(DemoWorld.CI_ROLE_ARN, token("repo:other/app", null, Duration.ofHours(1)));

        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Not authorized to perform sts:AssumeRoleWithWebIdentity");
    }

    @Test
    void aRoleThatTrustsAccountsOnlyDeniesAWebIdentity() {
        AwsServiceException e = refused(DemoWorld.ROLE_ARN, token("repo:example/app", null, Duration.ofHours(1)));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }

    @Test
    void anExpiredTokenIsRefusedWithExpiredTokenException() {
        String token = token("repo:example/app", null, Duration.ofMinutes(5));
        f.clock.advance(Duration.ofMinutes(6));

        AwsServiceException e = refused(DemoWorld.CI_ROLE_ARN, token);

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredTokenException");
        assertThat(e.awsErrorDetails().errorMessage())
                .matches("Token expired: current date/time \\d+ must be before" + " the expiration date/time \\d+");
    }

    @Test
    void aTokenNotYetValidIsRejectedAsAClaimTheProviderRejects() {
        String token = LocalAws.webIdentityToken(
                f.world,
                DemoWorld.OIDC_ISSUER,
                "repo:example/app",
                null,
                Duration.ofHours(1),
                f.clock.instant().plusSeconds(600));

        AwsServiceException e = refused(DemoWorld.CI_ROLE_ARN, token);

        assertThat(e.statusCode()).isEqualTo(403);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IDPRejectedClaim");
    }

    @Test
    void anAudienceThatIsNotAClientIdOfTheProviderIsRefused() {
        AwsServiceException e =
                refused(DemoWorld.CI_ROLE_ARN, token("repo:example/app", "someone-else", Duration.ofHours(1)));

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Incorrect token audience");
    }

    @Test
    void aTokenSignedByAnotherIssuersKeyIsRefused() throws IOException {
        Path otherDir = Files.createTempDirectory("rolehop-other-world");
        Path otherWorld = DemoWorld.write(otherDir);
        String foreign = LocalAws.webIdentityToken(
                otherWorld, DemoWorld.OIDC_ISSUER, "repo:example/app", null, Duration.ofHours(1), f.clock.instant());

        AwsServiceException e = refused(DemoWorld.CI_ROLE_ARN, foreign);

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Couldn't retrieve verification key");
    }

    @Test
    void aTokenWhoseClaimsWereChangedAfterSigningIsRefused() {
        String[] parts = token("repo:example/app", null, Duration.ofHours(1)).split("\\.");
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        String forged = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                        claims.replace("repo:example/app", "repo:example/admin").getBytes());

        AwsServiceException e = refused(DemoWorld.CI_ROLE_ARN, parts[0] + "." + forged + "." + parts[2]);

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("The token's signature does not verify");
    }

    @Test
    void anIssuerWithoutAProviderInTheRolesAccountIsRefused() {
        AwsServiceException e = refused(
                "arn:aws:iam::111111111111:role/ci-deploy", token("repo:example/app", null, Duration.ofHours(1)));

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("No OpenIDConnect provider found in your account for https://ci.rolehop.test");
    }

    @Test
    void somethingThatIsNotAJwtIsRefused() {
        AwsServiceException e = refused(DemoWorld.CI_ROLE_ARN, "not-a-token-at-all");

        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidIdentityToken");
        assertThat(e.awsErrorDetails().errorMessage()).startsWith("The ID Token provided is not a valid JWT.");
    }

    @Test
    void aDurationAboveTheRolesMaximumIsAValidationError() {
        String token = token("repo:example/app", null, Duration.ofHours(1));
        try (StsClient sts = anonymous()) {
            AwsServiceException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    AwsServiceException.class,
                    () -> sts.assumeRoleWithWebIdentity(r -> r.roleArn(DemoWorld.CI_ROLE_ARN)
                            .roleSessionName("ci-run")
                            .durationSeconds(7200)
                            .webIdentityToken(token)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
        }
    }

    @Test
    void otherActionsStillNeedASignature() {
        try (StsClient sts = anonymous()) {
            AwsServiceException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    AwsServiceException.class, sts::getCallerIdentity);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationToken");
        }
    }

    @Test
    void theKeysFileIsTheOwnersAlone() throws IOException {
        assertThat(Files.getPosixFilePermissions(f.dir.resolve(DemoWorld.OIDC_KEYS)))
                .containsExactlyInAnyOrder(
                        java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
}
