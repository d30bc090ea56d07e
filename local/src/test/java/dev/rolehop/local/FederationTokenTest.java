package dev.rolehop.local;

import static dev.rolehop.local.LocalFixture.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetFederationTokenRequest;
import software.amazon.awssdk.services.sts.model.GetFederationTokenResponse;

class FederationTokenTest {

    private static final String ALLOW_ALL =
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    private static final String DESCRIBE_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"ec2:DescribeSecurityGroups\",\"Resource\":\"*\"}]}";

    /** A world whose user carol has keys and no policy. */
    private static final String CAROL = """
            accounts:
              - id: "333333333333"
                users:
                  - name: carol
                    access_keys: [{id: AKIACAROL00000000001, secret: carolsecret0000000}]
            """;

    private LocalFixture f = new LocalFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    private static AwsCredentials carol() {
        return LocalFixture.keys("AKIACAROL00000000001", "carolsecret0000000");
    }

    private GetFederationTokenResponse federate(GetFederationTokenRequest request) {
        try (StsClient sts = f.sts(f.alice())) {
            return sts.getFederationToken(request);
        }
    }

    private GetFederationTokenResponse federate(String name, String policy) {
        return federate(
                GetFederationTokenRequest.builder().name(name).policy(policy).build());
    }

    @Test
    void aFederatedUserIsNamedAsAwsNamesIt() {
        GetFederationTokenResponse r = federate("bob", ALLOW_ALL);
        assertThat(r.federatedUser().arn()).isEqualTo("arn:aws:sts::111111111111:federated-user/bob");
        assertThat(r.federatedUser().federatedUserId()).isEqualTo("111111111111:bob");
        assertThat(r.credentials().accessKeyId()).startsWith("ASIA");
        assertThat(r.packedPolicySize()).isBetween(1, 100);
        try (StsClient sts = f.sts(LocalFixture.session(r.credentials()))) {
            var id = sts.getCallerIdentity();
            assertThat(id.arn()).isEqualTo("arn:aws:sts::111111111111:federated-user/bob");
            assertThat(id.userId()).isEqualTo("111111111111:bob");
            assertThat(id.account()).isEqualTo("111111111111");
        }
    }

    @Test
    void theCredentialsLastTwelveHoursByDefaultAndAsLongAsAsked() {
        assertThat(Duration.between(
                                f.clock.instant(),
                                federate("bob", ALLOW_ALL).credentials().expiration())
                        .toSeconds())
                .isBetween(43199L, 43200L);
        GetFederationTokenResponse r = federate(GetFederationTokenRequest.builder()
                .name("bob")
                .policy(ALLOW_ALL)
                .durationSeconds(129600)
                .build());
        assertThat(Duration.between(f.clock.instant(), r.credentials().expiration())
                        .toSeconds())
                .isBetween(129599L, 129600L);
    }

    @Test
    void durationsOutsideFifteenMinutesToThirtySixHoursAreRejected() {
        try (StsClient sts = f.sts(f.alice())) {
            AwsServiceException e = awsError(() ->
                    sts.getFederationToken(b -> b.name("bob").policy(ALLOW_ALL).durationSeconds(129601)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("1 validation error detected: Value '129601' at 'durationSeconds' failed to satisfy "
                            + "constraint: Member must have value less than or equal to 129600");
        }
    }

    @Test
    void aNameOutsideAwsPatternIsRejected() {
        try (StsClient sts = f.sts(f.alice())) {
            AwsServiceException e = awsError(() -> sts.getFederationToken(b -> b.name("b ob")));
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("1 validation error detected: Value 'b ob' at 'name' failed to satisfy constraint: "
                            + "Member must satisfy regular expression pattern: [\\w+=,.@-]*");
        }
    }

    @Test
    void sessionCredentialsCannotCallGetFederationToken() {
        try (StsClient sts = f.sts(LocalFixture.session(f.assumeLab()))) {
            AwsServiceException e = awsError(() -> sts.getFederationToken(b -> b.name("bob")));
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Cannot call GetFederationToken with session credentials");
        }
    }

    @Test
    void aFederatedUserMayDoOnlyWhatBothTheUserAndTheSessionPolicyAllow() {
        GetFederationTokenResponse r = federate("bob", DESCRIBE_ONLY);
        try (Ec2Client ec2 = f.ec2(LocalFixture.session(r.credentials()))) {
            assertThat(ec2.describeSecurityGroups().securityGroups()).isNotEmpty();
            AwsServiceException e = awsError(() -> ec2.describeVpcs());
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("You are not authorized to perform this operation. User: "
                            + "arn:aws:sts::111111111111:federated-user/bob is not authorized to perform: "
                            + "ec2:DescribeVpcs because no session policy allows the ec2:DescribeVpcs action");
        }
    }

    @Test
    void aFederatedUserGivenNoSessionPolicyMayDoNothing() {
        GetFederationTokenResponse r =
                federate(GetFederationTokenRequest.builder().name("bob").build());
        assertThat(r.packedPolicySize()).isNull();
        try (Ec2Client ec2 = f.ec2(LocalFixture.session(r.credentials()))) {
            assertThat(awsError(() -> ec2.describeSecurityGroups())
                            .awsErrorDetails()
                            .errorCode())
                    .isEqualTo("UnauthorizedOperation");
        }
    }

    @Test
    void aSessionPolicyCannotGrantWhatTheUserLacks() {
        f.close();
        f = LocalFixture.ofWorld(CAROL + """
                        policies:
                          - name: federate
                            document: {Statement: [{Effect: Allow, Action: "sts:GetFederationToken", Resource: "*"}]}
                """);
        try (StsClient sts = f.sts(carol())) {
            GetFederationTokenResponse r =
                    sts.getFederationToken(b -> b.name("dave").policy(ALLOW_ALL));
            try (Ec2Client ec2 = f.ec2(LocalFixture.session(r.credentials()))) {
                assertThat(awsError(() -> ec2.describeSecurityGroups())
                                .awsErrorDetails()
                                .errorMessage())
                        .endsWith("because no identity-based policy allows the ec2:DescribeSecurityGroups action");
            }
        }
    }

    @Test
    void aUserWithoutPermissionCannotFederate() {
        f.close();
        f = LocalFixture.ofWorld(CAROL);
        try (StsClient sts = f.sts(carol())) {
            AwsServiceException e = awsError(() -> sts.getFederationToken(b -> b.name("dave")));
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("User: arn:aws:iam::333333333333:user/carol is not authorized to perform: "
                            + "sts:GetFederationToken on resource: arn:aws:sts::333333333333:federated-user/dave "
                            + "because no identity-based policy allows the sts:GetFederationToken action");
        }
    }

    @Test
    void aMalformedSessionPolicyIsRejected() {
        try (StsClient sts = f.sts(f.alice())) {
            AwsServiceException e =
                    awsError(() -> sts.getFederationToken(b -> b.name("bob").policy("{nope")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
        }
    }

    @Test
    void aFederatedUserCannotCallIamNorAssumeRoles() {
        GetFederationTokenResponse r = federate("bob", ALLOW_ALL);
        try (var iam = f.iam(LocalFixture.session(r.credentials()))) {
            assertThat(awsError(() -> iam.listUsers()).awsErrorDetails().errorCode())
                    .isEqualTo("InvalidClientTokenId");
        }
        try (StsClient sts = f.sts(LocalFixture.session(r.credentials()))) {
            AwsServiceException e = awsError(
                    () -> sts.assumeRole(b -> b.roleArn(DemoWorld.ROLE_ARN).roleSessionName("xx")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(awsError(() -> sts.getSessionToken()).awsErrorDetails().errorMessage())
                    .isEqualTo("Cannot call GetSessionToken with session credentials");
        }
    }

    @Test
    void aFederatedSessionSurvivesARestart() throws Exception {
        Path state = Files.createTempDirectory("rolehop-fed").resolve("state.json");
        f.close();
        f = new LocalFixture(state);
        GetFederationTokenResponse r = federate("bob", DESCRIBE_ONLY);
        f = f.restart(state);
        try (Ec2Client ec2 = f.ec2(LocalFixture.session(r.credentials()))) {
            assertThat(ec2.describeSecurityGroups().securityGroups()).isNotEmpty();
            assertThat(awsError(() -> ec2.describeVpcs()).awsErrorDetails().errorCode())
                    .isEqualTo("UnauthorizedOperation");
        }
    }
}
