package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagDescription;

/** EC2 beyond group basics: egress, the default group, tags, subnets, instances, id errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Ec2ResourcesTest {

    private final LocalFixture f = new LocalFixture();
    private final Ec2Client lab = f.ec2(LocalFixture.session(f.assumeLab()));

    @AfterAll
    void stop() {
        lab.close();
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

    private String group(String name) {
        return lab.createSecurityGroup(r -> r.groupName(name).description(name)).groupId();
    }

    private SecurityGroup describe(String id) {
        return lab.describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0);
    }

    @Test
    void egressRulesAreAuthorizedAndRevokedSeparatelyFromIngress() {
        String id = group("egress");
        IpPermission https = IpPermission.builder()
                .ipProtocol("tcp")
                .fromPort(443)
                .toPort(443)
                .ipRanges(r -> r.cidrIp("10.1.0.0/16"))
                .build();
        lab.authorizeSecurityGroupEgress(r -> r.groupId(id).ipPermissions(https));
        assertThat(describe(id).ipPermissionsEgress()).hasSize(2);
        assertThat(describe(id).ipPermissions()).isEmpty();
        lab.revokeSecurityGroupEgress(r -> r.groupId(id)
                .ipPermissions(IpPermission.builder()
                        .ipProtocol("-1")
                        .ipRanges(x -> x.cidrIp("0.0.0.0/0"))
                        .build()));
        assertThat(describe(id).ipPermissionsEgress())
                .singleElement()
                .satisfies(p -> assertThat(p.fromPort()).isEqualTo(443));
    }

    @Test
    void theDefaultGroupExistsAllowsItselfAndCannotBeDeleted() {
        SecurityGroup d = lab.describeSecurityGroups(r -> r.groupNames("default"))
                .securityGroups()
                .get(0);
        assertThat(d.ipPermissions())
                .singleElement()
                .satisfies(p -> assertThat(p.userIdGroupPairs())
                        .singleElement()
                        .satisfies(g -> assertThat(g.groupId()).isEqualTo(d.groupId())));
        AwsServiceException e = error(() -> lab.deleteSecurityGroup(r -> r.groupId(d.groupId())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("CannotDelete");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo(
                        "the specified group: \"" + d.groupId() + "\" name: \"default\" cannot be deleted by a user");
    }

    @Test
    void aGroupCanBeDeletedByName() {
        String id = group("by-name");
        lab.deleteSecurityGroup(r -> r.groupName("by-name"));
        assertThat(error(() -> describe(id)).awsErrorDetails().errorCode()).isEqualTo("InvalidGroup.NotFound");
    }

    @Test
    void anUnknownGroupNameIsNotFoundInTheDefaultVpc() {
        String vpc = lab.describeVpcs().vpcs().get(0).vpcId();
        AwsServiceException e = error(() -> lab.describeSecurityGroups(r -> r.groupNames("nope")));
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The security group 'nope' does not exist in default VPC '" + vpc + "'");
    }

    @Test
    void aMalformedGroupIdIsRejected() {
        AwsServiceException e = error(() -> lab.describeSecurityGroups(r -> r.groupIds("web")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidGroupId.Malformed");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Invalid id: \"web\" (expecting \"sg-...\")");
    }

    @Test
    void tagsAreCreatedDescribedAndDeleted() {
        String id = group("tags");
        lab.createTags(r -> r.resources(id)
                .tags(
                        Tag.builder().key("env").value("lab").build(),
                        Tag.builder().key("team").value("ops").build()));
        List<TagDescription> tags = lab.describeTags(r -> r.filters(
                        Filter.builder().name("resource-id").values(id).build()))
                .tags();
        assertThat(tags)
                .extracting(TagDescription::key, TagDescription::value, TagDescription::resourceTypeAsString)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("env", "lab", "security-group"),
                        org.assertj.core.groups.Tuple.tuple("team", "ops", "security-group"));
        lab.deleteTags(r -> r.resources(id)
                .tags(
                        Tag.builder().key("env").value("other").build(),
                        Tag.builder().key("team").build()));
        assertThat(describe(id).tags())
                .containsExactly(Tag.builder().key("env").value("lab").build());
    }

    @Test
    void taggingAnUnknownResourceNamesIt() {
        AwsServiceException e = error(() -> lab.createTags(r -> r.resources("vpc-0000000000000000f")
                .tags(Tag.builder().key("a").value("b").build())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound");
    }

    @Test
    void theDefaultVpcHasADefaultSubnetPerZone() {
        List<Subnet> subnets = lab.describeSubnets(r -> r.filters(
                        Filter.builder().name("default-for-az").values("true").build()))
                .subnets();
        assertThat(subnets)
                .extracting(Subnet::availabilityZone)
                .containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
        assertThat(subnets)
                .extracting(Subnet::cidrBlock)
                .containsExactly("172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20");
        assertThat(subnets)
                .allSatisfy(s -> assertThat(s.vpcId())
                        .isEqualTo(lab.describeVpcs().vpcs().get(0).vpcId()));
    }

    @Test
    void seededInstancesAreDescribedWithTheirTags() {
        List<Instance> instances = lab.describeInstances(r -> r.filters(
                        Filter.builder().name("tag:Name").values("lab-web").build()))
                .reservations()
                .get(0)
                .instances();
        assertThat(instances).singleElement().satisfies(i -> {
            assertThat(i.instanceId()).isEqualTo("i-0a1b2c3d4e5f60718");
            assertThat(i.state().nameAsString()).isEqualTo("running");
            assertThat(i.instanceTypeAsString()).isEqualTo("t3.micro");
        });
        AwsServiceException e = error(() -> lab.describeInstances(r -> r.instanceIds("i-00000000000000000")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidInstanceID.NotFound");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The instance ID 'i-00000000000000000' does not exist");
    }

    @Test
    void anUnknownFilterIsInvalid() {
        AwsServiceException e = error(() -> lab.describeSecurityGroups(
                r -> r.filters(Filter.builder().name("colour").values("red").build())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The filter 'colour' is invalid");
    }

    @Test
    void protocolNumbersAreAnsweredAsNames() {
        String id = group("numbers");
        lab.authorizeSecurityGroupIngress(r -> r.groupId(id)
                .ipPermissions(IpPermission.builder()
                        .ipProtocol("6")
                        .fromPort(80)
                        .toPort(80)
                        .ipRanges(x -> x.cidrIp("10.0.0.0/8"))
                        .build()));
        assertThat(describe(id).ipPermissions().get(0).ipProtocol()).isEqualTo("tcp");
    }

    /**
     * ClassicLink is retired: AWS answers both calls with UnsupportedOperation (400), the one error
     * amazon.aws's ec2_vpc_net_info tolerates besides InvalidVpcID.NotFound.
     */
    @Test
    void classicLinkCallsAreUnsupportedAsOnAwsToday() {
        String vpc = lab.describeVpcs().vpcs().get(0).vpcId();
        for (Runnable call : List.<Runnable>of(
                () -> lab.describeVpcClassicLink(r -> r.vpcIds(vpc)),
                () -> lab.describeVpcClassicLinkDnsSupport(r -> r.vpcIds(vpc)))) {
            AwsServiceException e = error(call);
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnsupportedOperation");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The functionality you requested is not available in this region.");
        }
    }
}
