package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;

/** EC2 subnets over the SDK: CIDR checks inside the VPC, zones, IPv6 blocks, attributes, delete. */
class Ec2SubnetTest extends LabEc2 {

    private Subnet describe(String id) {
        return lab.describeSubnets(r -> r.subnetIds(id)).subnets().get(0);
    }

    @Test
    void aSubnetIsCreatedInTheVpcWithItsZoneCountAndTags() {
        String vpc = vpc("10.30.0.0/16");
        Subnet created = lab.createSubnet(r -> r.vpcId(vpc)
                        .cidrBlock("10.30.1.0/24")
                        .availabilityZone("us-east-1b")
                        .tagSpecifications(t -> t.resourceType(ResourceType.SUBNET)
                                .tags(Tag.builder().key("Name").value("app").build())))
                .subnet();
        Subnet s = describe(created.subnetId());
        assertThat(s.vpcId()).isEqualTo(vpc);
        assertThat(s.cidrBlock()).isEqualTo("10.30.1.0/24");
        assertThat(s.availabilityZone()).isEqualTo("us-east-1b");
        assertThat(s.availabilityZoneId()).isEqualTo("use1-az2");
        assertThat(s.availableIpAddressCount()).isEqualTo(251);
        assertThat(s.defaultForAz()).isFalse();
        assertThat(s.mapPublicIpOnLaunch()).isFalse();
        assertThat(s.stateAsString()).isEqualTo("available");
        assertThat(s.subnetArn()).isEqualTo("arn:aws:ec2:us-east-1:222222222222:subnet/" + s.subnetId());
        assertThat(s.tags())
                .containsExactly(Tag.builder().key("Name").value("app").build());
        assertThat(lab.describeSubnets(r -> r.filters(filter("vpc-id", vpc), filter("tag:Name", "app")))
                        .subnets())
                .extracting(Subnet::subnetId)
                .containsExactly(s.subnetId());
    }

    @Test
    void aBlockOutsideTheVpcOrOfTheWrongSizeIsInvalidSubnetRange() {
        String vpc = vpc("10.31.0.0/16");
        for (String cidr : List.of("10.32.0.0/24", "10.31.0.0/29", "10.0.0.0/8")) {
            AwsServiceException e =
                    error(() -> lab.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr)));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSubnet.Range");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The CIDR '" + cidr + "' is invalid.");
        }
    }

    @Test
    void anOverlappingBlockConflicts() {
        String vpc = vpc("10.33.0.0/16");
        lab.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.33.0.0/20"));
        AwsServiceException e = error(() -> lab.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.33.1.0/24")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSubnet.Conflict");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The CIDR '10.33.1.0/24' conflicts with another subnet");
    }

    @Test
    void aZoneOutsideTheRegionIsRejectedNamingTheValidOnes() {
        String vpc = vpc("10.34.0.0/16");
        AwsServiceException e = error(() ->
                lab.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.34.0.0/24").availabilityZone("us-east-1z")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("Value (us-east-1z) for parameter availabilityZone is invalid. Subnets can currently only "
                        + "be created in the following availability zones: us-east-1a, us-east-1b, us-east-1c.");
    }

    @Test
    void anUnknownVpcIsNotFound() {
        AwsServiceException e = error(
                () -> lab.createSubnet(r -> r.vpcId("vpc-00000000000000000").cidrBlock("10.0.0.0/24")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidVpcID.NotFound");
    }

    @Test
    void ipv6BlocksAreSlash64sOfTheVpcsBlockAndCanBeAddedAndRemoved() {
        String vpc = lab.createVpc(r -> r.cidrBlock("10.35.0.0/16").amazonProvidedIpv6CidrBlock(true))
                .vpc()
                .vpcId();
        String v6 = lab.describeVpcs(r -> r.vpcIds(vpc))
                .vpcs()
                .get(0)
                .ipv6CidrBlockAssociationSet()
                .get(0)
                .ipv6CidrBlock();
        String first = v6.replace("00::/56", "00::/64");
        String second = v6.replace("00::/56", "01::/64");
        String a = lab.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.35.0.0/24").ipv6CidrBlock(first))
                .subnet()
                .subnetId();
        assertThat(describe(a).ipv6CidrBlockAssociationSet())
                .singleElement()
                .satisfies(x -> assertThat(x.ipv6CidrBlock()).isEqualTo(first));
        AwsServiceException taken = error(() ->
                lab.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.35.1.0/24").ipv6CidrBlock(first)));
        assertThat(taken.awsErrorDetails().errorCode()).isEqualTo("InvalidSubnet.Conflict");
        AwsServiceException wrongSize = error(() ->
                lab.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.35.1.0/24").ipv6CidrBlock(v6.replace("/56", "/60"))));
        assertThat(wrongSize.awsErrorDetails().errorCode()).isEqualTo("InvalidSubnet.Range");
        String b = lab.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.35.1.0/24"))
                .subnet()
                .subnetId();
        String assoc = lab.associateSubnetCidrBlock(r -> r.subnetId(b).ipv6CidrBlock(second))
                .ipv6CidrBlockAssociation()
                .associationId();
        lab.modifySubnetAttribute(r -> r.subnetId(b)
                .assignIpv6AddressOnCreation(
                        AttributeBooleanValue.builder().value(true).build()));
        assertThat(describe(b).assignIpv6AddressOnCreation()).isTrue();
        lab.disassociateSubnetCidrBlock(r -> r.associationId(assoc));
        assertThat(describe(b).ipv6CidrBlockAssociationSet()).isEmpty();
        assertThat(describe(b).assignIpv6AddressOnCreation()).isFalse();
    }

    @Test
    void mapPublicIpOnLaunchIsModified() {
        String vpc = vpc("10.36.0.0/16");
        String id = lab.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.36.0.0/24"))
                .subnet()
                .subnetId();
        lab.modifySubnetAttribute(r -> r.subnetId(id)
                .mapPublicIpOnLaunch(AttributeBooleanValue.builder().value(true).build()));
        assertThat(describe(id).mapPublicIpOnLaunch()).isTrue();
        assertThat(lab.describeSubnets(r -> r.filters(filter("map-public-ip-on-launch", "true"), filter("vpc-id", vpc)))
                        .subnets())
                .hasSize(1);
    }

    @Test
    void aDeletedSubnetIsGoneWithItsRouteTableAssociation() {
        String vpc = vpc("10.37.0.0/16");
        String id = lab.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.37.0.0/24"))
                .subnet()
                .subnetId();
        String table = lab.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        lab.associateRouteTable(r -> r.routeTableId(table).subnetId(id));
        lab.deleteSubnet(r -> r.subnetId(id));
        AwsServiceException e = error(() -> describe(id));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSubnetID.NotFound");
        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The subnet ID '" + id + "' does not exist");
        assertThat(lab.describeRouteTables(r -> r.routeTableIds(table))
                        .routeTables()
                        .get(0)
                        .associations())
                .isEmpty();
    }

    @Test
    void theSeededInstancesSubnetCannotBeDeleted() {
        String subnet = lab.describeSubnets(r -> r.filters(filter("availability-zone", "us-east-1a")))
                .subnets()
                .get(0)
                .subnetId();
        AwsServiceException e = error(() -> lab.deleteSubnet(r -> r.subnetId(subnet)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DependencyViolation");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The subnet '" + subnet + "' has dependencies and cannot be deleted.");
    }
}
