package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;
import software.amazon.awssdk.services.ec2.model.Vpc;

class Ec2SecurityGroupTest {

    private final LocalFixture f = new LocalFixture();
    private final Ec2Client lab = f.ec2(LocalFixture.session(f.assumeLab()));
    private final Ec2Client jump = f.ec2(f.alice());

    @AfterEach
    void stop() {
        lab.close();
        jump.close();
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

    private String createWeb(Ec2Client ec2) {
        return ec2.createSecurityGroup(r -> r.groupName("web").description("web servers"))
                .groupId();
    }

    private static IpPermission ssh(String cidr) {
        return IpPermission.builder()
                .ipProtocol("tcp")
                .fromPort(22)
                .toPort(22)
                .ipRanges(r -> r.cidrIp(cidr).description("ssh"))
                .build();
    }

    @Test
    void aCreatedGroupIsDescribedInTheDefaultVpcWithTheDefaultEgressRule() {
        String id = createWeb(lab);
        SecurityGroup g =
                lab.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0);
        Vpc vpc = lab.describeVpcs().vpcs().get(0);
        assertThat(id).matches("sg-[0-9a-f]{17}");
        assertThat(g.groupName()).isEqualTo("web");
        assertThat(g.description()).isEqualTo("web servers");
        assertThat(g.ownerId()).isEqualTo("222222222222");
        assertThat(g.vpcId()).isEqualTo(vpc.vpcId());
        assertThat(g.ipPermissions()).isEmpty();
        assertThat(g.ipPermissionsEgress()).singleElement().satisfies(p -> {
            assertThat(p.ipProtocol()).isEqualTo("-1");
            assertThat(p.ipRanges())
                    .singleElement()
                    .satisfies(r -> assertThat(r.cidrIp()).isEqualTo("0.0.0.0/0"));
        });
    }

    @Test
    void aGroupCreatedWithAssumedRoleKeysIsInvisibleToTheJumpAccount() {
        String id = createWeb(lab);
        assertThat(jump.describeSecurityGroups().securityGroups())
                .extracting(SecurityGroup::groupId)
                .doesNotContain(id);
        AwsServiceException e = error(() -> jump.describeSecurityGroups(r -> r.groupIds(id)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidGroup.NotFound");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The security group '" + id + "' does not exist");
    }

    @Test
    void aSecondGroupOfTheSameNameIsADuplicate() {
        createWeb(lab);
        AwsServiceException e = error(() -> createWeb(lab));
        String vpc = lab.describeVpcs().vpcs().get(0).vpcId();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidGroup.Duplicate");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The security group 'web' already exists for VPC '" + vpc + "'");
    }

    @Test
    void authorizedIngressIsDescribedWithItsDescription() {
        String id = createWeb(lab);
        lab.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(ssh("10.0.0.0/8")));
        IpPermission p = lab.describeSecurityGroups(r -> r.groupIds(id))
                .securityGroups()
                .get(0)
                .ipPermissions()
                .get(0);
        assertThat(p.ipProtocol()).isEqualTo("tcp");
        assertThat(p.fromPort()).isEqualTo(22);
        assertThat(p.toPort()).isEqualTo(22);
        assertThat(p.ipRanges()).singleElement().satisfies(r -> {
            assertThat(r.cidrIp()).isEqualTo("10.0.0.0/8");
            assertThat(r.description()).isEqualTo("ssh");
        });
    }

    @Test
    void authorizingTheSameRuleTwiceIsADuplicatePermission() {
        String id = createWeb(lab);
        lab.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(ssh("10.0.0.0/8")));
        AwsServiceException e =
                error(() -> lab.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(ssh("10.0.0.0/8"))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPermission.Duplicate");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo(
                        "the specified rule \"peer: 10.0.0.0/8, TCP, from port: 22, to port: 22, ALLOW\" already exists");
    }

    @Test
    void revokingARuleThatIsNotThereIsPermissionNotFound() {
        String id = createWeb(lab);
        AwsServiceException e =
                error(() -> lab.revokeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(ssh("10.0.0.0/8"))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPermission.NotFound");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The specified rule does not exist in this security group.");
    }

    @Test
    void aRuleDescriptionIsReplacedInPlace() {
        String id = createWeb(lab);
        lab.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(ssh("10.0.0.0/8")));
        lab.updateSecurityGroupRuleDescriptionsIngress(r -> r.groupId(id)
                .ipPermissions(IpPermission.builder()
                        .ipProtocol("tcp")
                        .fromPort(22)
                        .toPort(22)
                        .ipRanges(x -> x.cidrIp("10.0.0.0/8").description("admin"))
                        .build()));
        IpPermission p = lab.describeSecurityGroups(r -> r.groupIds(id))
                .securityGroups()
                .get(0)
                .ipPermissions()
                .get(0);
        assertThat(p.ipRanges()).singleElement().satisfies(r -> {
            assertThat(r.cidrIp()).isEqualTo("10.0.0.0/8");
            assertThat(r.description()).isEqualTo("admin");
        });
    }

    @Test
    void describingARuleThatIsNotThereIsPermissionNotFound() {
        String id = createWeb(lab);
        AwsServiceException e = error(() ->
                lab.updateSecurityGroupRuleDescriptionsEgress(r -> r.groupId(id).ipPermissions(ssh("10.0.0.0/8"))));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidPermission.NotFound");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The specified rule does not exist in this security group.");
    }

    @Test
    void revokedIngressIsGone() {
        String id = createWeb(lab);
        lab.authorizeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(ssh("10.0.0.0/8")));
        lab.revokeSecurityGroupIngress(r -> r.groupId(id).ipPermissions(ssh("10.0.0.0/8")));
        assertThat(lab.describeSecurityGroups(r -> r.groupIds(id))
                        .securityGroups()
                        .get(0)
                        .ipPermissions())
                .isEmpty();
    }

    @Test
    void ipv6RangesPrefixListsAndGroupPairsAreKeptPerRule() {
        String id = createWeb(lab);
        String other = lab.createSecurityGroup(r -> r.groupName("db").description("db"))
                .groupId();
        lab.authorizeSecurityGroupIngress(r -> r.groupId(other)
                .ipPermissions(IpPermission.builder()
                        .ipProtocol("tcp")
                        .fromPort(5432)
                        .toPort(5432)
                        .userIdGroupPairs(UserIdGroupPair.builder()
                                .groupId(id)
                                .description("from web")
                                .build())
                        .ipv6Ranges(v -> v.cidrIpv6("2001:db8::/32"))
                        .prefixListIds(p -> p.prefixListId("pl-12345678"))
                        .build()));
        IpPermission p = lab.describeSecurityGroups(r -> r.groupIds(other))
                .securityGroups()
                .get(0)
                .ipPermissions()
                .get(0);
        assertThat(p.userIdGroupPairs()).singleElement().satisfies(g -> {
            assertThat(g.groupId()).isEqualTo(id);
            assertThat(g.userId()).isEqualTo("222222222222");
            assertThat(g.description()).isEqualTo("from web");
        });
        assertThat(p.ipv6Ranges())
                .singleElement()
                .satisfies(v -> assertThat(v.cidrIpv6()).isEqualTo("2001:db8::/32"));
        assertThat(p.prefixListIds())
                .singleElement()
                .satisfies(v -> assertThat(v.prefixListId()).isEqualTo("pl-12345678"));
    }

    @Test
    void aGroupReferencedByAnotherCannotBeDeleted() {
        String id = createWeb(lab);
        String other = lab.createSecurityGroup(r -> r.groupName("db").description("db"))
                .groupId();
        lab.authorizeSecurityGroupIngress(r -> r.groupId(other)
                .ipPermissions(IpPermission.builder()
                        .ipProtocol("-1")
                        .userIdGroupPairs(UserIdGroupPair.builder().groupId(id).build())
                        .build()));
        AwsServiceException e = error(() -> lab.deleteSecurityGroup(r -> r.groupId(id)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DependencyViolation");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("resource " + id + " has a dependent object");
    }

    @Test
    void aDeletedGroupIsNotFoundAfterwards() {
        String id = createWeb(lab);
        lab.deleteSecurityGroup(r -> r.groupId(id));
        assertThat(error(() -> lab.describeSecurityGroups(r -> r.groupIds(id)))
                        .awsErrorDetails()
                        .errorCode())
                .isEqualTo("InvalidGroup.NotFound");
    }

    @Test
    void tagSpecificationsTagTheNewGroupAndTagFiltersFindIt() {
        CreateSecurityGroupResponse created = lab.createSecurityGroup(r -> r.groupName("tagged")
                .description("t")
                .tagSpecifications(TagSpecification.builder()
                        .resourceType(ResourceType.SECURITY_GROUP)
                        .tags(Tag.builder().key("env").value("lab").build())
                        .build()));
        createWeb(lab);
        List<SecurityGroup> found = lab.describeSecurityGroups(r ->
                        r.filters(Filter.builder().name("tag:env").values("lab").build()))
                .securityGroups();
        assertThat(found).extracting(SecurityGroup::groupId).containsExactly(created.groupId());
        assertThat(found.get(0).tags())
                .containsExactly(Tag.builder().key("env").value("lab").build());
    }

    @Test
    void groupNameAndVpcIdFiltersSelectGroups() {
        String id = createWeb(lab);
        String vpc = lab.describeVpcs().vpcs().get(0).vpcId();
        List<SecurityGroup> found = lab.describeSecurityGroups(r -> r.filters(
                        Filter.builder().name("group-name").values("we*").build(),
                        Filter.builder().name("vpc-id").values(vpc).build()))
                .securityGroups();
        assertThat(found).extracting(SecurityGroup::groupId).containsExactly(id);
    }

    @Test
    void theGroupIdFilterSelectsOneGroup() {
        String id = createWeb(lab);
        lab.createSecurityGroup(r -> r.groupName("other").description("o"));
        assertThat(lab.describeSecurityGroups(r -> r.filters(
                                Filter.builder().name("group-id").values(id).build()))
                        .securityGroups())
                .extracting(SecurityGroup::groupName)
                .containsExactly("web");
    }

    @Test
    void anUnknownVpcIsInvalidVpcIdNotFound() {
        AwsServiceException e = error(() ->
                lab.createSecurityGroup(r -> r.groupName("x").description("x").vpcId("vpc-00000000000000000")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The vpc ID 'vpc-00000000000000000' does not exist");
    }

    @Test
    void aMissingDescriptionIsAMissingParameter() {
        AwsServiceException e = error(() -> lab.createSecurityGroup(r -> r.groupName("x")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingParameter");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The request must contain the parameter GroupDescription");
    }

    @Test
    void theDefaultVpcHasDnsSupportAndHostnames() {
        String vpc = lab.describeVpcs().vpcs().get(0).vpcId();
        assertThat(lab.describeVpcAttribute(r -> r.vpcId(vpc).attribute("enableDnsSupport"))
                        .enableDnsSupport()
                        .value())
                .isTrue();
        var hostnames = lab.describeVpcAttribute(r -> r.vpcId(vpc).attribute("enableDnsHostnames"));
        assertThat(hostnames.vpcId()).isEqualTo(vpc);
        assertThat(hostnames.enableDnsHostnames().value()).isTrue();
        assertThat(hostnames.enableDnsSupport()).isNull();
    }

    @Test
    void theAttributesOfAnotherAccountsVpcAreNotFound() {
        String jumpVpc = jump.describeVpcs().vpcs().get(0).vpcId();
        AwsServiceException e =
                error(() -> lab.describeVpcAttribute(r -> r.vpcId(jumpVpc).attribute("enableDnsSupport")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The vpc ID '" + jumpVpc + "' does not exist");
    }

    @Test
    void theDefaultVpcIsDescribedAsDefault() {
        Vpc vpc = lab.describeVpcs().vpcs().get(0);
        assertThat(vpc.isDefault()).isTrue();
        assertThat(vpc.cidrBlock()).isEqualTo("172.31.0.0/16");
        assertThat(vpc.ownerId()).isEqualTo("222222222222");
        assertThat(jump.describeVpcs().vpcs().get(0).vpcId()).isNotEqualTo(vpc.vpcId());
    }
}
