package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** Authorization against IAM policy documents, across accounts, over the SDK. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationTest {

    private static final String ADMIN = "AKIAADMIN00000000001";
    private static final String READER = "AKIAREADER0000000001";
    private static final String SECRET = "secret-secret-secret-secret-0001";
    private static final String WORLD = """
            accounts:
              - id: "111111111111"
                alias: home
                regions: [us-east-1, eu-west-1]
                users:
                  - name: admin
                    access_keys: [{id: %s, secret: %s}]
                    policies:
                      - name: all
                        document: {Statement: {Effect: Allow, Action: "*", Resource: "*"}}
                  - name: reader
                    access_keys: [{id: %s, secret: %s}]
                    policies:
                      - name: read
                        document:
                          Statement:
                            - {Effect: Allow, Action: ["ec2:Describe*", "sts:AssumeRole"], Resource: "*"}
              - id: "333333333333"
                alias: partner
                roles:
                  - name: partner
                    max_session_duration: 43200
                    trust_policy:
                      Statement:
                        Effect: Allow
                        Principal: {AWS: "arn:aws:iam::111111111111:user/reader"}
                        Action: sts:AssumeRole
                        Condition: {StringEquals: {sts:ExternalId: "xyz-123"}}
                    policies:
                      - name: all
                        document: {Statement: {Effect: Allow, Action: "*", Resource: "*"}}
                  - name: chained
                    max_session_duration: 43200
                    trust_policy:
                      Statement: {Effect: Allow, Principal: {AWS: "arn:aws:iam::333333333333:role/partner"}, Action: sts:AssumeRole}
                  - name: open
                    trust_policy:
                      Statement: {Effect: Allow, Principal: {AWS: "111111111111"}, Action: sts:AssumeRole}
                    policies:
                      - name: no-ec2-writes
                        document:
                          Statement:
                            - {Effect: Allow, Action: "*", Resource: "*"}
                            - {Effect: Deny, Action: "ec2:Create*", Resource: "*"}
            """.formatted(ADMIN, SECRET, READER, SECRET);

    private final LocalFixture f = LocalFixture.ofWorld(WORLD);
    private final AwsCredentials admin = LocalFixture.keys(ADMIN, SECRET);
    private final AwsCredentials reader = LocalFixture.keys(READER, SECRET);

    @AfterAll
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

    private Credentials assume(AwsCredentials who, String role, String externalId) {
        try (StsClient sts = f.sts(who)) {
            return sts.assumeRole(r -> r.roleArn("arn:aws:iam::333333333333:role/" + role)
                            .roleSessionName("s-" + role)
                            .externalId(externalId))
                    .credentials();
        }
    }

    @Test
    void anActionNoPolicyAllowsIsUnauthorizedWithoutAnEncodedMessage() {
        try (Ec2Client ec2 = f.ec2(reader)) {
            AwsServiceException e =
                    error(() -> ec2.createSecurityGroup(r -> r.groupName("g").description("d")));
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("You are not authorized to perform this operation. "
                            + "User: arn:aws:iam::111111111111:user/reader is not authorized to perform: ec2:CreateSecurityGroup "
                            + "on resource: arn:aws:ec2:us-east-1:111111111111:security-group/* because no identity-based "
                            + "policy allows the ec2:CreateSecurityGroup action");
        }
    }

    @Test
    void anAllowedDescribeSucceeds() {
        try (Ec2Client ec2 = f.ec2(reader)) {
            assertThat(ec2.describeSecurityGroups().securityGroups())
                    .extracting(g -> g.groupName())
                    .contains("default");
        }
    }

    @Test
    void anExplicitDenyInTheRolesPolicyIsUnauthorized() {
        try (Ec2Client ec2 = f.ec2(LocalFixture.session(assume(admin, "open", null)))) {
            AwsServiceException e =
                    error(() -> ec2.createSecurityGroup(r -> r.groupName("g").description("d")));
            assertThat(e.awsErrorDetails().errorMessage())
                    .endsWith("with an explicit deny in an identity-based policy");
        }
    }

    @Test
    void iamCallsNoPolicyAllowsAreAccessDenied() {
        try (IamClient iam = f.iam(reader)) {
            AwsServiceException e = error(iam::getUser);
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("User: arn:aws:iam::111111111111:user/reader is not "
                            + "authorized to perform: iam:GetUser on resource: arn:aws:iam::111111111111:user/reader because no "
                            + "identity-based policy allows the iam:GetUser action");
        }
    }

    @Test
    void aTrustPolicyRequiringAnExternalIdDeniesWithoutIt() {
        AwsServiceException e = error(() -> assume(reader, "partner", null));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("User: arn:aws:iam::111111111111:user/reader is not "
                        + "authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/partner");
    }

    @Test
    void theRightExternalIdIsAccepted() {
        assertThat(assume(reader, "partner", "xyz-123").accessKeyId()).startsWith("ASIA");
    }

    @Test
    void aTrustedAccountsUserStillNeedsItsOwnPermissionToAssume() {
        try (StsClient sts = f.sts(LocalFixture.session(assume(reader, "partner", "xyz-123")))) {
            assertThat(sts.getCallerIdentity().account()).isEqualTo("333333333333");
        }
        // reader's policy allows sts:AssumeRole; a user of the trusted account without it is denied.
        String noAssume = WORLD.replace("\"ec2:Describe*\", \"sts:AssumeRole\"", "\"ec2:Describe*\"");
        try (LocalFixture other = LocalFixture.ofWorld(noAssume);
                StsClient sts = other.sts(reader)) {
            AwsServiceException e = error(() -> sts.assumeRole(
                    r -> r.roleArn("arn:aws:iam::333333333333:role/open").roleSessionName("x1")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        }
    }

    @Test
    void roleChainingIsCappedAtOneHour() {
        try (StsClient sts = f.sts(LocalFixture.session(assume(reader, "partner", "xyz-123")))) {
            AwsServiceException e = error(() -> sts.assumeRole(r -> r.roleArn("arn:aws:iam::333333333333:role/chained")
                    .roleSessionName("c1")
                    .durationSeconds(7200)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The requested DurationSeconds exceeds the 1 hour "
                            + "session limit for roles assumed by role chaining.");
            assertThat(sts.assumeRole(r -> r.roleArn("arn:aws:iam::333333333333:role/chained")
                                    .roleSessionName("c2"))
                            .assumedRoleUser()
                            .arn())
                    .isEqualTo("arn:aws:sts::333333333333:assumed-role/chained/c2");
        }
    }

    @Test
    void aRoleThatDoesNotExistIsDeniedLikeADeniedOne() {
        AwsServiceException e = error(() -> assume(admin, "nope", null));
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("User: arn:aws:iam::111111111111:user/admin is not "
                        + "authorized to perform: sts:AssumeRole on resource: arn:aws:iam::333333333333:role/nope");
    }

    @Test
    void getRoleAnswersTheTrustPolicyUrlEncoded() {
        try (IamClient iam = f.iam(LocalFixture.session(assume(admin, "open", null)))) {
            Role role = iam.getRole(r -> r.roleName("open")).role();
            assertThat(role.arn()).isEqualTo("arn:aws:iam::333333333333:role/open");
            assertThat(role.maxSessionDuration()).isEqualTo(3600);
            assertThat(URLDecoder.decode(role.assumeRolePolicyDocument(), StandardCharsets.UTF_8))
                    .isEqualTo(
                            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"111111111111\"},"
                                    + "\"Action\":\"sts:AssumeRole\"}]}");
        }
    }

    @Test
    void iamAnswersUsersAliasesAndNoSuchEntity() {
        try (IamClient iam = f.iam(admin)) {
            assertThat(iam.getUser().user().arn()).isEqualTo("arn:aws:iam::111111111111:user/admin");
            assertThat(iam.listAccountAliases().accountAliases()).containsExactly("home");
            assertThat(iam.listMFADevices().mfaDevices()).isEmpty();
            AwsServiceException e = error(() -> iam.getUser(r -> r.userName("ghost")));
            assertThat(e.statusCode()).isEqualTo(404);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchEntity");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The user with name ghost cannot be found.");
        }
    }

    @Test
    void sessionTokenCredentialsWithoutMfaCannotCallIam() {
        try (StsClient sts = f.sts(admin);
                IamClient iam = f.iam(LocalFixture.session(sts.getSessionToken().credentials()))) {
            assertThat(error(iam::listAccountAliases).awsErrorDetails().errorCode())
                    .isEqualTo("InvalidClientTokenId");
        }
    }

    @Test
    void aRegionTheAccountDoesNotHaveIsAnAuthFailure() {
        RawAws.Answer a = RawAws.post(
                f.endpoint(),
                "ec2",
                "us-west-2",
                software.amazon.awssdk.identity.spi.AwsCredentialsIdentity.create(ADMIN, SECRET),
                "Action=DescribeVpcs&Version=2016-11-15");
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.body())
                .matches("<\\?xml version=\"1.0\" encoding=\"UTF-8\"\\?><Response><Errors><Error>"
                        + "<Code>AuthFailure</Code><Message>AWS was not able to validate the provided access credentials</Message>"
                        + "</Error></Errors><RequestID>[0-9a-f-]{36}</RequestID></Response>");
    }

    @Test
    void eachRegionOfAnAccountHasItsOwnVpcAndGroups() {
        try (Ec2Client east = f.ec2(admin);
                Ec2Client west = f.ec2(admin, software.amazon.awssdk.regions.Region.EU_WEST_1)) {
            String id = west.createSecurityGroup(r -> r.groupName("regional").description("d"))
                    .groupId();
            assertThat(west.describeSecurityGroups().securityGroups())
                    .extracting(g -> g.groupId())
                    .contains(id);
            assertThat(east.describeSecurityGroups().securityGroups())
                    .extracting(g -> g.groupId())
                    .doesNotContain(id);
            assertThat(west.describeVpcs().vpcs().get(0).vpcId())
                    .isNotEqualTo(east.describeVpcs().vpcs().get(0).vpcId());
            assertThat(west.describeSubnets().subnets().get(0).availabilityZone())
                    .isEqualTo("eu-west-1a");
        }
    }

    @Test
    void aRuleMayReferenceAnotherAccountsGroup() {
        String home;
        try (Ec2Client ec2 = f.ec2(admin)) {
            home = ec2.createSecurityGroup(r -> r.groupName("home-web").description("d"))
                    .groupId();
        }
        try (Ec2Client ec2 = f.ec2(LocalFixture.session(assume(reader, "partner", "xyz-123")))) {
            String db = ec2.createSecurityGroup(r -> r.groupName("db").description("d"))
                    .groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(db)
                    .ipPermissions(IpPermission.builder()
                            .ipProtocol("tcp")
                            .fromPort(5432)
                            .toPort(5432)
                            .userIdGroupPairs(UserIdGroupPair.builder()
                                    .groupId(home)
                                    .userId("111111111111")
                                    .build())
                            .build()));
            UserIdGroupPair pair = ec2.describeSecurityGroups(r -> r.groupIds(db))
                    .securityGroups()
                    .get(0)
                    .ipPermissions()
                    .get(0)
                    .userIdGroupPairs()
                    .get(0);
            assertThat(pair.userId()).isEqualTo("111111111111");
            assertThat(pair.groupId()).isEqualTo(home);
        }
    }
}
