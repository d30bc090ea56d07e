package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.StatusType;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** IAM writes: created roles, users, keys and policies are state, and STS, SigV4 and IAM policy see them. */
class IamWritesTest {

    private static final String ACCOUNT = DemoWorld.JUMP_ACCOUNT;
    private static final String TRUST_ALICE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"" + DemoWorld.USER_ARN + "\"},\"Action\":\"sts:AssumeRole\"}]}";
    private static final String DESCRIBE_ONLY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"ec2:Describe*\",\"Resource\":\"*\"}]}";
    private static final String CREATE_GROUPS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"ec2:CreateSecurityGroup\",\"Resource\":\"*\"}]}";

    private LocalFixture f = new LocalFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    private Credentials assume(AwsCredentials who, String roleName) {
        try (StsClient sts = f.sts(who)) {
            return sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + ACCOUNT + ":role/" + roleName)
                            .roleSessionName("s1"))
                    .credentials();
        }
    }

    @Test
    void aCreatedRoleIsAssumableThroughItsTrustPolicy() {
        try (IamClient iam = f.iam(f.alice())) {
            Role role = iam.createRole(r -> r.roleName("deployer")
                            .assumeRolePolicyDocument(TRUST_ALICE)
                            .description("deploys"))
                    .role();
            assertThat(role.arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":role/deployer");
            assertThat(role.roleId()).startsWith("AROA");
            assertThat(iam.getRole(r -> r.roleName("deployer")).role().assumeRolePolicyDocument())
                    .isEqualTo(java.net.URLEncoder.encode(TRUST_ALICE, java.nio.charset.StandardCharsets.UTF_8)
                            .replace("+", "%20"));
        }
        try (StsClient sts = f.sts(LocalFixture.session(assume(f.alice(), "deployer")))) {
            assertThat(sts.getCallerIdentity().arn())
                    .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/deployer/s1");
        }
    }

    @Test
    void aCreatedRolesPoliciesDecideWhatItsSessionsMayDo() {
        try (IamClient iam = f.iam(f.alice())) {
            iam.createRole(r -> r.roleName("reader").assumeRolePolicyDocument(TRUST_ALICE));
            iam.putRolePolicy(r -> r.roleName("reader").policyName("describe").policyDocument(DESCRIBE_ONLY));
        }
        AwsCredentials session = LocalFixture.session(assume(f.alice(), "reader"));
        try (Ec2Client ec2 = f.ec2(session)) {
            assertThat(ec2.describeVpcs().vpcs()).isNotEmpty();
            AwsServiceException e = LocalFixture.awsError(
                    () -> ec2.createSecurityGroup(r -> r.groupName("g").description("d")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
        }
        try (IamClient iam = f.iam(f.alice())) {
            String arn = iam.createPolicy(r -> r.policyName("groups").policyDocument(CREATE_GROUPS))
                    .policy()
                    .arn();
            iam.attachRolePolicy(r -> r.roleName("reader").policyArn(arn));
            assertThat(iam.listAttachedRolePolicies(r -> r.roleName("reader")).attachedPolicies())
                    .extracting(p -> p.policyName())
                    .containsExactly("groups");
            assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().attachmentCount())
                    .isEqualTo(1);
        }
        try (Ec2Client ec2 = f.ec2(session)) {
            assertThat(ec2.createSecurityGroup(r -> r.groupName("g").description("d"))
                            .groupId())
                    .startsWith("sg-");
        }
    }

    @Test
    void aCreatedUsersAccessKeySignsUntilItIsDeactivated() {
        AccessKey key;
        try (IamClient iam = f.iam(f.alice())) {
            iam.createUser(r -> r.userName("bot").path("/ci/"));
            key = iam.createAccessKey(r -> r.userName("bot")).accessKey();
            assertThat(key.accessKeyId()).startsWith("AKIA").hasSize(20);
            assertThat(iam.listAccessKeys(r -> r.userName("bot")).accessKeyMetadata())
                    .extracting(k -> k.accessKeyId())
                    .containsExactly(key.accessKeyId());
        }
        AwsCredentials bot = LocalFixture.keys(key.accessKeyId(), key.secretAccessKey());
        try (StsClient sts = f.sts(bot)) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::" + ACCOUNT + ":user/ci/bot");
        }
        try (IamClient iam = f.iam(f.alice())) {
            iam.updateAccessKey(
                    r -> r.userName("bot").accessKeyId(key.accessKeyId()).status(StatusType.INACTIVE));
        }
        try (StsClient sts = f.sts(bot)) {
            assertThat(LocalFixture.awsError(sts::getCallerIdentity)
                            .awsErrorDetails()
                            .errorCode())
                    .isEqualTo("InvalidClientTokenId");
        }
    }

    @Test
    void aCreatedUserAssumesACreatedRoleThatTrustsIt() {
        AccessKey key;
        try (IamClient iam = f.iam(f.alice())) {
            iam.createUser(r -> r.userName("carol"));
            iam.putUserPolicy(r -> r.userName("carol")
                    .policyName("assume")
                    .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}"));
            key = iam.createAccessKey(r -> r.userName("carol")).accessKey();
            iam.createRole(r -> r.roleName("ops")
                    .assumeRolePolicyDocument(
                            TRUST_ALICE.replace(DemoWorld.USER_ARN, "arn:aws:iam::" + ACCOUNT + ":root")));
        }
        AwsCredentials carol = LocalFixture.keys(key.accessKeyId(), key.secretAccessKey());
        try (StsClient sts = f.sts(LocalFixture.session(assume(carol, "ops")))) {
            assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/ops/s1");
        }
    }

    @Test
    void deletingARoleWithPoliciesIsADeleteConflict() {
        try (IamClient iam = f.iam(f.alice())) {
            iam.createRole(r -> r.roleName("held").assumeRolePolicyDocument(TRUST_ALICE));
            iam.putRolePolicy(r -> r.roleName("held").policyName("p").policyDocument(DESCRIBE_ONLY));
            AwsServiceException e = LocalFixture.awsError(() -> iam.deleteRole(r -> r.roleName("held")));
            assertThat(e.statusCode()).isEqualTo(409);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DeleteConflict");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Cannot delete entity, must delete policies first.");
            iam.deleteRolePolicy(r -> r.roleName("held").policyName("p"));
            iam.deleteRole(r -> r.roleName("held"));
            AwsServiceException gone = LocalFixture.awsError(() -> iam.getRole(r -> r.roleName("held")));
            assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("The role with name held cannot be found.");
        }
    }

    @Test
    void aSecondRoleOfTheSameNameIsRefusedWhateverItsCase() {
        try (IamClient iam = f.iam(f.alice())) {
            iam.createRole(r -> r.roleName("twin").assumeRolePolicyDocument(TRUST_ALICE));
            AwsServiceException e = LocalFixture.awsError(
                    () -> iam.createRole(r -> r.roleName("TWIN").assumeRolePolicyDocument(TRUST_ALICE)));
            assertThat(e.statusCode()).isEqualTo(409);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("EntityAlreadyExists");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Role with name TWIN already exists.");
        }
    }

    @Test
    void aPolicyThatIsNotJsonIsAMalformedPolicyDocument() {
        try (IamClient iam = f.iam(f.alice())) {
            AwsServiceException e = LocalFixture.awsError(
                    () -> iam.createRole(r -> r.roleName("bad").assumeRolePolicyDocument("Statement: []")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Syntax errors in policy.");
            AwsServiceException noPrincipal = LocalFixture.awsError(
                    () -> iam.createRole(r -> r.roleName("bad").assumeRolePolicyDocument(DESCRIBE_ONLY)));
            assertThat(noPrincipal.awsErrorDetails().errorCode()).isEqualTo("MalformedPolicyDocument");
            assertThat(LocalFixture.awsError(() -> iam.getRole(r -> r.roleName("bad")))
                            .awsErrorDetails()
                            .errorCode())
                    .isEqualTo("NoSuchEntity");
        }
    }

    @Test
    void anInvalidRoleNameIsAValidationError() {
        try (IamClient iam = f.iam(f.alice())) {
            AwsServiceException e = LocalFixture.awsError(
                    () -> iam.createRole(r -> r.roleName("no spaces").assumeRolePolicyDocument(TRUST_ALICE)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("1 validation error detected: Value 'no spaces' at 'roleName' failed to satisfy "
                            + "constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+");
        }
    }

    @Test
    void aUserHasAtMostTwoAccessKeys() {
        try (IamClient iam = f.iam(f.alice())) {
            iam.createUser(r -> r.userName("keys"));
            iam.createAccessKey(r -> r.userName("keys"));
            iam.createAccessKey(r -> r.userName("keys"));
            AwsServiceException e = LocalFixture.awsError(() -> iam.createAccessKey(r -> r.userName("keys")));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("LimitExceeded");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Cannot exceed quota for AccessKeysPerUser: 2");
            assertThat(iam.listAccessKeys(r -> r.userName("keys")).accessKeyMetadata())
                    .hasSize(2);
        }
    }

    @Test
    void managedPolicyVersionsChangeWhatIsInForce() {
        try (IamClient iam = f.iam(f.alice())) {
            String arn = iam.createPolicy(r -> r.policyName("v").path("/team/").policyDocument(DESCRIBE_ONLY))
                    .policy()
                    .arn();
            assertThat(arn).isEqualTo("arn:aws:iam::" + ACCOUNT + ":policy/team/v");
            iam.createPolicyVersion(
                    r -> r.policyArn(arn).policyDocument(CREATE_GROUPS).setAsDefault(true));
            assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId())
                    .isEqualTo("v2");
            assertThat(iam.listPolicyVersions(r -> r.policyArn(arn)).versions())
                    .extracting(v -> v.versionId() + "=" + v.isDefaultVersion())
                    .containsExactly("v1=false", "v2=true");
            AwsServiceException e = LocalFixture.awsError(() -> iam.deletePolicy(r -> r.policyArn(arn)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DeleteConflict");
            iam.deletePolicyVersion(r -> r.policyArn(arn).versionId("v1"));
            iam.deletePolicy(r -> r.policyArn(arn));
            assertThat(iam.listPolicies(r -> r.scope("Local")).policies()).isEmpty();
        }
    }

    @Test
    void listRolesPagesThroughTheWorldsRolesThenTheCreatedOnes() {
        try (IamClient iam = f.iam(f.alice())) {
            for (String name : new String[] {"a1", "a2", "a3"}) {
                iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(TRUST_ALICE));
            }
            var first = iam.listRoles(r -> r.maxItems(2));
            assertThat(first.isTruncated()).isTrue();
            var rest = iam.listRoles(r -> r.marker(first.marker()));
            assertThat(rest.isTruncated()).isFalse();
            assertThat(java.util.stream.Stream.concat(first.roles().stream(), rest.roles().stream())
                            .map(Role::roleName))
                    .hasSize(4)
                    .endsWith("a1", "a2", "a3")
                    .first()
                    .asString()
                    .startsWith("AWSReservedSSO_ReadOnly_");
        }
    }

    @Test
    void theWorldsRolesAreListedButNotModifiable() {
        try (IamClient iam = f.iam(f.alice())) {
            String worldRole = iam.listRoles().roles().get(0).roleName();
            AwsServiceException e = LocalFixture.awsError(() ->
                    iam.putRolePolicy(r -> r.roleName(worldRole).policyName("p").policyDocument(DESCRIBE_ONLY)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnmodifiableEntity");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Cannot perform the operation on the protected role '" + worldRole
                            + "' - this role is only modifiable in the rolehop local world file");
            assertThat(iam.listRolePolicies(r -> r.roleName(worldRole)).policyNames())
                    .isNotEmpty()
                    .doesNotContain("p");
        }
    }

    @Test
    void aFailedStateWriteLeavesTheCreatedEntitiesAsTheyWere(@TempDir Path dir) throws java.io.IOException {
        f.close();
        Path state = dir.resolve("state.json");
        Path journal = dir.resolve("state.json.journal");
        f = new LocalFixture(state);
        try (IamClient iam = f.iam(f.alice())) {
            iam.createRole(r -> r.roleName("steady").assumeRolePolicyDocument(TRUST_ALICE));
            iam.putRolePolicy(r -> r.roleName("steady").policyName("p").policyDocument(DESCRIBE_ONLY));
            java.nio.file.Files.move(journal, dir.resolve("aside"));
            java.nio.file.Files.createDirectories(journal.resolve("full"));
            for (Runnable write : java.util.List.<Runnable>of(
                    () -> iam.putRolePolicy(
                            r -> r.roleName("steady").policyName("q").policyDocument(DESCRIBE_ONLY)),
                    () -> iam.deleteRolePolicy(r -> r.roleName("steady").policyName("p")),
                    () -> iam.createUser(r -> r.userName("lost")))) {
                AwsServiceException e = LocalFixture.awsError(write);
                assertThat(e.statusCode()).isEqualTo(500);
                assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
            }
            assertThat(iam.listRolePolicies(r -> r.roleName("steady")).policyNames())
                    .containsExactly("p");
            assertThat(LocalFixture.awsError(() -> iam.getUser(r -> r.userName("lost")))
                            .awsErrorDetails()
                            .errorCode())
                    .isEqualTo("NoSuchEntity");
        }
    }

    @Test
    void createdEntitiesSurviveARestart(@TempDir Path dir) {
        f.close();
        Path state = dir.resolve("state.json");
        f = new LocalFixture(state);
        try (IamClient iam = f.iam(f.alice())) {
            iam.createRole(r -> r.roleName("kept").assumeRolePolicyDocument(TRUST_ALICE));
            iam.putRolePolicy(r -> r.roleName("kept").policyName("p").policyDocument(DESCRIBE_ONLY));
        }
        f = f.restart(state);
        try (IamClient iam = f.iam(f.alice())) {
            assertThat(iam.listRolePolicies(r -> r.roleName("kept")).policyNames())
                    .containsExactly("p");
        }
        f.clock.advance(Duration.ofSeconds(1));
        try (StsClient sts = f.sts(LocalFixture.session(assume(f.alice(), "kept")))) {
            assertThat(sts.getCallerIdentity().arn()).endsWith(":assumed-role/kept/s1");
        }
    }
}
