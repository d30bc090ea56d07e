package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/** EC2 VPCs over the SDK: create, describe with filters and pages, attributes, CIDR blocks, delete. */
class Ec2VpcTest extends LabEc2 {

    private Vpc describe(String id) {
        return lab.describeVpcs(r -> r.vpcIds(id)).vpcs().get(0);
    }

    @Test
    void aCreatedVpcIsPendingThenAvailableWithItsBlockTagsAndDefaults() {
        CreateVpcResponse created = lab.createVpc(r -> r.cidrBlock("10.10.0.0/16")
                .tagSpecifications(t -> t.resourceType(ResourceType.VPC)
                        .tags(Tag.builder().key("Name").value("net").build())));
        assertThat(created.vpc().stateAsString()).isEqualTo("pending");
        Vpc vpc = describe(created.vpc().vpcId());
        assertThat(vpc.stateAsString()).isEqualTo("available");
        assertThat(vpc.cidrBlock()).isEqualTo("10.10.0.0/16");
        assertThat(vpc.isDefault()).isFalse();
        assertThat(vpc.instanceTenancyAsString()).isEqualTo("default");
        assertThat(vpc.ownerId()).isEqualTo("222222222222");
        assertThat(vpc.dhcpOptionsId()).isEqualTo(defaultVpc().dhcpOptionsId());
        assertThat(vpc.tags())
                .containsExactly(Tag.builder().key("Name").value("net").build());
        assertThat(vpc.cidrBlockAssociationSet()).singleElement().satisfies(a -> {
            assertThat(a.associationId()).startsWith("vpc-cidr-assoc-");
            assertThat(a.cidrBlockState().stateAsString()).isEqualTo("associated");
        });
        assertThat(lab.describeVpcAttribute(r -> r.vpcId(vpc.vpcId()).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT))
                        .enableDnsSupport()
                        .value())
                .isTrue();
        assertThat(lab.describeVpcAttribute(r -> r.vpcId(vpc.vpcId()).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
                        .enableDnsHostnames()
                        .value())
                .isFalse();
    }

    @Test
    void aNewVpcGetsAMainRouteTableWithALocalRouteAndADefaultGroup() {
        String id = vpc("10.11.0.0/16");
        RouteTable main = lab.describeRouteTables(
                        r -> r.filters(filter("vpc-id", id), filter("association.main", "true")))
                .routeTables()
                .get(0);
        assertThat(main.routes()).singleElement().satisfies(route -> {
            assertThat(route.destinationCidrBlock()).isEqualTo("10.11.0.0/16");
            assertThat(route.gatewayId()).isEqualTo("local");
            assertThat(route.originAsString()).isEqualTo("CreateRouteTable");
            assertThat(route.stateAsString()).isEqualTo("active");
        });
        List<SecurityGroup> groups =
                lab.describeSecurityGroups(r -> r.filters(filter("vpc-id", id))).securityGroups();
        assertThat(groups)
                .singleElement()
                .satisfies(g -> assertThat(g.groupName()).isEqualTo("default"));
        assertThat(lab.describeNetworkAcls(r -> r.filters(filter("vpc-id", id))).networkAcls())
                .singleElement()
                .satisfies(acl -> assertThat(acl.isDefault()).isTrue());
    }

    @Test
    void blocksOutsideSlash16ToSlash28AreInvalidVpcRange() {
        for (String cidr : List.of("10.0.0.0/15", "10.0.0.0/29")) {
            AwsServiceException e = error(() -> vpc(cidr));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpc.Range");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The CIDR '" + cidr + "' is invalid.");
        }
    }

    @Test
    void aBlockThatIsNoCidrIsAnInvalidParameterValue() {
        for (String cidr : List.of("10.0.0.0", "10.0.0.1/16", "banana")) {
            AwsServiceException e = error(() -> vpc(cidr));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo(
                            "Value (" + cidr + ") for parameter cidrBlock is invalid. This is not a valid CIDR block.");
        }
    }

    @Test
    void anAmazonProvidedIpv6BlockIsASlash56() {
        String id = lab.createVpc(r -> r.cidrBlock("10.12.0.0/16").amazonProvidedIpv6CidrBlock(true))
                .vpc()
                .vpcId();
        assertThat(describe(id).ipv6CidrBlockAssociationSet()).singleElement().satisfies(a -> {
            assertThat(a.ipv6CidrBlock()).endsWith("::/56");
            assertThat(a.associationId()).startsWith("vpc-cidr-assoc-");
            assertThat(a.ipv6CidrBlockState().stateAsString()).isEqualTo("associated");
            assertThat(a.networkBorderGroup()).isEqualTo("us-east-1");
        });
    }

    @Test
    void aVpcWithDependenciesCannotBeDeletedUntilTheyAreGone() {
        String id = vpc("10.13.0.0/16");
        String subnet = lab.createSubnet(r -> r.vpcId(id).cidrBlock("10.13.1.0/24"))
                .subnet()
                .subnetId();
        String igw = lab.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
        lab.attachInternetGateway(r -> r.vpcId(id).internetGatewayId(igw));
        String group = lab.createSecurityGroup(r -> r.vpcId(id).groupName("app").description("app"))
                .groupId();
        for (Runnable removeOne : List.<Runnable>of(
                () -> lab.deleteSubnet(r -> r.subnetId(subnet)),
                () -> lab.detachInternetGateway(r -> r.vpcId(id).internetGatewayId(igw)),
                () -> lab.deleteSecurityGroup(r -> r.groupId(group)))) {
            AwsServiceException e = error(() -> lab.deleteVpc(r -> r.vpcId(id)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DependencyViolation");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The vpc '" + id + "' has dependencies and cannot be deleted.");
            removeOne.run();
        }
        lab.deleteVpc(r -> r.vpcId(id));
        assertThat(error(() -> describe(id)).awsErrorDetails().errorMessage())
                .isEqualTo("The vpc ID '" + id + "' does not exist");
        assertThat(lab.describeRouteTables(r -> r.filters(filter("vpc-id", id))).routeTables())
                .isEmpty();
        assertThat(lab.describeSecurityGroups(r -> r.filters(filter("vpc-id", id)))
                        .securityGroups())
                .isEmpty();
    }

    @Test
    void filtersSelectByBlockDefaultnessAndTags() {
        String id = lab.createVpc(r -> r.cidrBlock("10.14.0.0/16")
                        .tagSpecifications(t -> t.resourceType(ResourceType.VPC)
                                .tags(Tag.builder().key("team").value("blue").build())))
                .vpc()
                .vpcId();
        assertThat(ids(lab.describeVpcs(r -> r.filters(filter("cidr", "10.14.0.0/16")))))
                .containsExactly(id);
        assertThat(ids(lab.describeVpcs(r -> r.filters(filter("cidr-block", "10.14.0.0/16")))))
                .containsExactly(id);
        assertThat(ids(lab.describeVpcs(r -> r.filters(filter("cidr-block-association.cidr-block", "10.14.*")))))
                .containsExactly(id);
        assertThat(ids(lab.describeVpcs(r -> r.filters(filter("tag:team", "blue"), filter("state", "available")))))
                .containsExactly(id);
        assertThat(ids(lab.describeVpcs(r -> r.filters(filter("tag-key", "team")))))
                .containsExactly(id);
        assertThat(lab.describeVpcs(r -> r.filters(filter("is-default", "true")))
                        .vpcs())
                .singleElement()
                .satisfies(v -> assertThat(v.cidrBlock()).isEqualTo("172.31.0.0/16"));
    }

    private static List<String> ids(DescribeVpcsResponse response) {
        return response.vpcs().stream().map(Vpc::vpcId).toList();
    }

    @Test
    void dnsAttributesAreModifiedOneAtATime() {
        String id = vpc("10.15.0.0/16");
        lab.modifyVpcAttribute(r -> r.vpcId(id)
                .enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
        lab.modifyVpcAttribute(r -> r.vpcId(id)
                .enableDnsSupport(AttributeBooleanValue.builder().value(false).build()));
        assertThat(lab.describeVpcAttribute(r -> r.vpcId(id).attribute(VpcAttributeName.ENABLE_DNS_HOSTNAMES))
                        .enableDnsHostnames()
                        .value())
                .isTrue();
        assertThat(lab.describeVpcAttribute(r -> r.vpcId(id).attribute(VpcAttributeName.ENABLE_DNS_SUPPORT))
                        .enableDnsSupport()
                        .value())
                .isFalse();
        AwsServiceException e = error(() -> lab.modifyVpcAttribute(r -> r.vpcId(id)
                .enableDnsSupport(AttributeBooleanValue.builder().value(true).build())
                .enableDnsHostnames(AttributeBooleanValue.builder().value(true).build())));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination");
    }

    @Test
    void secondaryBlocksAreAssociatedWithLocalRoutesAndDisassociated() {
        String id = vpc("10.16.0.0/16");
        String assoc = lab.associateVpcCidrBlock(r -> r.vpcId(id).cidrBlock("10.17.0.0/16"))
                .cidrBlockAssociation()
                .associationId();
        String v6 = lab.associateVpcCidrBlock(r -> r.vpcId(id).amazonProvidedIpv6CidrBlock(true))
                .ipv6CidrBlockAssociation()
                .associationId();
        Vpc vpc = describe(id);
        assertThat(vpc.cidrBlock()).isEqualTo("10.16.0.0/16");
        assertThat(vpc.cidrBlockAssociationSet()).hasSize(2);
        assertThat(vpc.ipv6CidrBlockAssociationSet())
                .singleElement()
                .satisfies(a -> assertThat(a.associationId()).isEqualTo(v6));
        RouteTable main = lab.describeRouteTables(r -> r.filters(filter("vpc-id", id)))
                .routeTables()
                .get(0);
        assertThat(main.routes()).hasSize(3);
        AwsServiceException overlap =
                error(() -> lab.associateVpcCidrBlock(r -> r.vpcId(id).cidrBlock("10.17.4.0/24")));
        assertThat(overlap.awsErrorDetails().errorCode()).isEqualTo("InvalidVpc.Range");
        String primary = vpc.cidrBlockAssociationSet().get(0).associationId();
        AwsServiceException e = error(() -> lab.disassociateVpcCidrBlock(r -> r.associationId(primary)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("OperationNotPermitted");
        assertThat(lab.disassociateVpcCidrBlock(r -> r.associationId(assoc))
                        .cidrBlockAssociation()
                        .cidrBlockState()
                        .stateAsString())
                .isEqualTo("disassociating");
        lab.disassociateVpcCidrBlock(r -> r.associationId(v6));
        assertThat(describe(id).cidrBlockAssociationSet()).hasSize(1);
        assertThat(describe(id).ipv6CidrBlockAssociationSet()).isEmpty();
        assertThat(lab.describeRouteTables(r -> r.routeTableIds(main.routeTableId()))
                        .routeTables()
                        .get(0)
                        .routes())
                .hasSize(1);
        assertThat(error(() -> lab.disassociateVpcCidrBlock(r -> r.associationId(assoc)))
                        .awsErrorDetails()
                        .errorCode())
                .isEqualTo("InvalidVpcCidrBlockAssociationID.NotFound");
    }

    @Test
    void vpcsArePagedWithMaxResultsAndNextToken() {
        for (int i = 0; i < 6; i++) {
            int n = i;
            lab.createVpc(r -> r.cidrBlock("10.20." + n + ".0/24")
                    .tagSpecifications(t -> t.resourceType(ResourceType.VPC)
                            .tags(Tag.builder().key("paged").value("yes").build())));
        }
        DescribeVpcsResponse first =
                lab.describeVpcs(r -> r.filters(filter("tag:paged", "yes")).maxResults(5));
        assertThat(first.vpcs()).hasSize(5);
        assertThat(first.nextToken()).isNotNull();
        DescribeVpcsResponse second = lab.describeVpcs(
                r -> r.filters(filter("tag:paged", "yes")).maxResults(5).nextToken(first.nextToken()));
        assertThat(second.vpcs()).hasSize(1);
        assertThat(second.nextToken()).isNull();
        assertThat(lab
                        .describeVpcsPaginator(
                                r -> r.filters(filter("tag:paged", "yes")).maxResults(5))
                        .vpcs()
                        .stream()
                        .count())
                .isEqualTo(6);
        AwsServiceException small = error(() -> lab.describeVpcs(r -> r.maxResults(4)));
        assertThat(small.awsErrorDetails().errorMessage())
                .isEqualTo("Value ( 4 ) for parameter maxResults is invalid. Expecting a value greater than 5.");
        AwsServiceException token = error(() -> lab.describeVpcs(r -> r.nextToken("nonsense")));
        assertThat(token.awsErrorDetails().errorCode()).isEqualTo("InvalidPaginationToken");
    }

    @Test
    void vpcsAreTaggedAndUntagged() {
        String id = vpc("10.21.0.0/16");
        lab.createTags(
                r -> r.resources(id).tags(Tag.builder().key("env").value("x").build()));
        assertThat(lab.describeTags(r -> r.filters(filter("resource-id", id))).tags())
                .singleElement()
                .satisfies(t -> assertThat(t.resourceTypeAsString()).isEqualTo("vpc"));
        lab.deleteTags(r -> r.resources(id).tags(Tag.builder().key("env").build()));
        assertThat(describe(id).tags()).isEmpty();
    }
}
