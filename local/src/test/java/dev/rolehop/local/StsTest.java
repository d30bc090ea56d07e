package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

class StsTest {

    private final LocalFixture f = new LocalFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    private static AwsServiceException error(Runnable call) {
        try {
            call.run();
        } catch (AwsServiceException e) {
            return e;
        }
        throw new AssertionError("expected an AWS error");
    }

    @Test
    void getCallerIdentityNamesTheUserOfTheKeys() {
        try (StsClient sts = f.sts(f.alice())) {
            GetCallerIdentityResponse id = sts.getCallerIdentity();
            assertThat(id.arn()).isEqualTo("arn:aws:iam::111111111111:user/alice");
            assertThat(id.account()).isEqualTo("111111111111");
            assertThat(id.userId()).startsWith("AIDA").hasSize(21);
        }
    }

    @Test
    void assumeRoleWithoutMfaIsDeniedByTheTrustPolicy() {
        try (StsClient sts = f.sts(f.alice())) {
            AwsServiceException e = error(() -> sts.assumeRole(
                    r -> r.roleArn(DemoWorld.ROLE_ARN).roleSessionName("s").roleSessionName("nomfa")));
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                            "User: arn:aws:iam::111111111111:user/alice is not "
                                    + "authorized to perform: sts:AssumeRole on resource: arn:aws:iam::222222222222:role/lab-admin");
        }
    }

    @Test
    void assumeRoleWithMfaGivesCredentialsOfTheRoleSession() {
        Credentials c = f.assumeLab();
        assertThat(c.accessKeyId()).startsWith("ASIA");
        try (StsClient sts = f.sts(LocalFixture.session(c))) {
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::222222222222:assumed-role/lab-admin/test");
        }
    }

    @Test
    void assumeRoleAnswersTheAssumedRoleUserAndAnExpiryOneHourAhead() {
        f.clock.advance(Duration.ofSeconds(30));
        try (StsClient sts = f.sts(f.alice())) {
            AssumeRoleResponse r = sts.assumeRole(b -> b.roleArn(DemoWorld.ROLE_ARN)
                    .roleSessionName("deploy")
                    .serialNumber(DemoWorld.MFA_SERIAL)
                    .tokenCode(f.mfaCode()));
            assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::222222222222:assumed-role/lab-admin/deploy");
            assertThat(r.assumedRoleUser().assumedRoleId()).startsWith("AROA").endsWith(":deploy");
            assertThat(Duration.between(f.clock.instant(), r.credentials().expiration())
                            .toSeconds())
                    .isBetween(3599L, 3600L);
        }
    }

    @Test
    void anMfaCodeIsAcceptedOnlyOnce() {
        f.clock.advance(Duration.ofSeconds(30));
        String code = f.mfaCode();
        try (StsClient sts = f.sts(f.alice())) {
            sts.assumeRole(b -> b.roleArn(DemoWorld.ROLE_ARN)
                    .roleSessionName("one")
                    .serialNumber(DemoWorld.MFA_SERIAL)
                    .tokenCode(code));
            AwsServiceException e = error(() -> sts.assumeRole(b -> b.roleArn(DemoWorld.ROLE_ARN)
                    .roleSessionName("two")
                    .serialNumber(DemoWorld.MFA_SERIAL)
                    .tokenCode(code)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("MultiFactorAuthentication failed with invalid MFA one time pass code.");
        }
    }

    @Test
    void aWrongMfaCodeIsDenied() {
        String wrong = f.mfaCode().equals("123456") ? "654321" : "123456";
        try (StsClient sts = f.sts(f.alice())) {
            AwsServiceException e = error(() -> sts.assumeRole(b -> b.roleArn(DemoWorld.ROLE_ARN)
                    .roleSessionName("x1")
                    .serialNumber(DemoWorld.MFA_SERIAL)
                    .tokenCode(wrong)));
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("MultiFactorAuthentication failed with invalid MFA one time pass code.");
        }
    }

    @Test
    void anUnknownAccessKeyIsAnInvalidClientTokenId() {
        try (StsClient sts = f.sts(AwsBasicCredentials.create("AKIAUNKNOWNKEY000000", "x".repeat(40)))) {
            AwsServiceException e = error(sts::getCallerIdentity);
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The security token included in the request is invalid.");
        }
    }

    @Test
    void aWrongSecretIsASignatureMismatch() {
        try (StsClient sts = f.sts(AwsBasicCredentials.create(f.aliceKeyId, f.aliceSecret + "x"))) {
            AwsServiceException e = error(sts::getCallerIdentity);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
        }
    }

    @Test
    void aRequestSignedMoreThanFifteenMinutesAgoIsRejected() {
        f.clock.advance(Duration.ofMinutes(16));
        try (StsClient sts = f.sts(f.alice())) {
            AwsServiceException e = error(sts::getCallerIdentity);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
            assertThat(e.awsErrorDetails().errorMessage())
                    .startsWith("Signature expired: ")
                    .endsWith(" - 15 min.)");
        }
    }

    @Test
    void expiredTemporaryCredentialsAreAnExpiredToken() {
        Credentials c = f.assumeLab();
        f.clock.advance(Duration.ofHours(2));
        try (StsClient sts = f.sts(LocalFixture.session(c))) {
            AwsServiceException e = error(sts::getCallerIdentity);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ExpiredToken");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The security token included in the request is expired");
        }
    }

    @Test
    void temporaryKeysWithoutTheirSessionTokenAreInvalid() {
        Credentials c = f.assumeLab();
        try (StsClient sts = f.sts(AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey()))) {
            assertThat(error(sts::getCallerIdentity).awsErrorDetails().errorCode())
                    .isEqualTo("InvalidClientTokenId");
        }
    }

    @Test
    void getSessionTokenGivesTemporaryCredentialsOfTheSameUser() {
        try (StsClient sts = f.sts(f.alice())) {
            Credentials c = sts.getSessionToken().credentials();
            try (StsClient session = f.sts(LocalFixture.session(c))) {
                assertThat(session.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111111111111:user/alice");
                AwsServiceException e = error(session::getSessionToken);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Cannot call GetSessionToken with session credentials");
            }
        }
    }

    @Test
    void aSessionTokenObtainedWithMfaCanAssumeTheMfaGuardedRole() {
        f.clock.advance(Duration.ofSeconds(30));
        try (StsClient sts = f.sts(f.alice())) {
            Credentials c = sts.getSessionToken(
                            b -> b.serialNumber(DemoWorld.MFA_SERIAL).tokenCode(f.mfaCode()))
                    .credentials();
            try (StsClient session = f.sts(LocalFixture.session(c))) {
                assertThat(session.assumeRole(b -> b.roleArn(DemoWorld.ROLE_ARN).roleSessionName("viasession"))
                                .assumedRoleUser()
                                .arn())
                        .endsWith(":assumed-role/lab-admin/viasession");
            }
        }
    }

    @Test
    void aDurationAboveTheRolesMaximumIsAValidationError() {
        f.clock.advance(Duration.ofSeconds(30));
        try (StsClient sts = f.sts(f.alice())) {
            AwsServiceException e = error(() -> sts.assumeRole(b -> b.roleArn(DemoWorld.ROLE_ARN)
                    .roleSessionName("long")
                    .durationSeconds(7200)
                    .serialNumber(DemoWorld.MFA_SERIAL)
                    .tokenCode(f.mfaCode())));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }
    }

    @Test
    void aDurationBelowFifteenMinutesIsAValidationError() {
        try (StsClient sts = f.sts(f.alice())) {
            AwsServiceException e = error(() -> sts.assumeRole(
                    b -> b.roleArn(DemoWorld.ROLE_ARN).roleSessionName("short").durationSeconds(60)));
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                            "1 validation error detected: Value '60' at "
                                    + "'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900");
        }
    }

    @Test
    void aRoleSessionNameWithASpaceIsAValidationError() {
        try (StsClient sts = f.sts(f.alice())) {
            AwsServiceException e = error(
                    () -> sts.assumeRole(b -> b.roleArn(DemoWorld.ROLE_ARN).roleSessionName("bad name")));
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("1 validation error detected: Value 'bad name' at "
                            + "'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                            + "[\\w+=,.@-]*");
        }
    }

    @Test
    void expiredTemporaryCredentialsAreRequestExpiredOnEc2() {
        Credentials c = f.assumeLab();
        f.clock.advance(Duration.ofHours(2));
        try (software.amazon.awssdk.services.ec2.Ec2Client ec2 = f.ec2(LocalFixture.session(c))) {
            AwsServiceException e = error(ec2::describeVpcs);
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestExpired");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Request has expired.");
        }
    }

    @Test
    void aTokenCodeWithoutASerialNumberIsDenied() {
        try (StsClient sts = f.sts(f.alice())) {
            AwsServiceException e = error(() -> sts.assumeRole(
                    b -> b.roleArn(DemoWorld.ROLE_ARN).roleSessionName("half").tokenCode("123456")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("MultiFactorAuthentication failed, must provide both "
                            + "MFA serial number and one time pass code.");
        }
    }

    @Test
    void aDeviceThatIsNotTheCallersCannotValidate() {
        try (StsClient sts = f.sts(f.alice())) {
            AwsServiceException e = error(() -> sts.assumeRole(b -> b.roleArn(DemoWorld.ROLE_ARN)
                    .roleSessionName("other")
                    .serialNumber("arn:aws:iam::111111111111:mfa/bob")
                    .tokenCode("123456")));
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                            "MultiFactorAuthentication failed, unable to "
                                    + "validate MFA code.  Please verify your MFA serial number is valid and associated with this user.");
        }
    }

    @Test
    void iamListsTheUsersMfaDevice() {
        try (software.amazon.awssdk.services.iam.IamClient iam = f.iam(f.alice())) {
            assertThat(iam.listMFADevices().mfaDevices())
                    .singleElement()
                    .satisfies(d -> assertThat(d.serialNumber()).isEqualTo(DemoWorld.MFA_SERIAL));
        }
    }

    @Test
    void theRequestLogNamesCallerActionAndOutcomeButNoSecret() {
        Credentials c = f.assumeLab();
        assertThat(f.log).anyMatch(l -> l.startsWith("arn:aws:iam::111111111111:user/alice sts AssumeRole OK "));
        assertThat(String.join("\n", f.log))
                .doesNotContain(f.aliceSecret)
                .doesNotContain(c.secretAccessKey())
                .doesNotContain(c.sessionToken());
    }
}
