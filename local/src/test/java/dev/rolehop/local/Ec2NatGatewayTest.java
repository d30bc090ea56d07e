package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.Tag;

/** EC2 NAT gateways over the SDK: create, the life cycle on the clock, routes, delete. */
class Ec2NatGatewayTest extends NetLab {

    /** A VPC with an attached internet gateway and a subnet; returns the subnet id. */
    private String publicSubnet(String cidr16) {
        String vpc = ec2.createVpc(r -> r.cidrBlock(cidr16 + ".0.0/16")).vpc().vpcId();
        String igw = ec2.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
        ec2.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        return ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(cidr16 + ".1.0/24"))
                .subnet()
                .subnetId();
    }

    private NatGateway gateway(String id) {
        return ec2.describeNatGateways(r -> r.natGatewayIds(id)).natGateways().get(0);
    }

    @Test
    void aPublicGatewayIsPendingThenAvailableWithItsAddressAndIsDeletedOnTheClock() {
        String subnet = publicSubnet("10.60");
        String allocation = ec2.allocateAddress(r -> {}).allocationId();
        CreateNatGatewayResponse created = ec2.createNatGateway(r -> r.subnetId(subnet)
                .allocationId(allocation)
                .tagSpecifications(t -> t.resourceType(ResourceType.NATGATEWAY)
                        .tags(Tag.builder().key("Name").value("egress").build())));
        NatGateway g = created.natGateway();
        assertThat(g.natGatewayId()).matches("nat-[0-9a-f]{17}");
        assertThat(g.stateAsString()).isEqualTo("pending");
        assertThat(g.connectivityTypeAsString()).isEqualTo("public");
        assertThat(gateway(g.natGatewayId()).stateAsString()).isEqualTo("pending");
        settle();
        NatGateway available = gateway(g.natGatewayId());
        assertThat(available.stateAsString()).isEqualTo("available");
        assertThat(available.tags())
                .containsExactly(Tag.builder().key("Name").value("egress").build());
        NatGatewayAddress address = available.natGatewayAddresses().get(0);
        assertThat(address.allocationId()).isEqualTo(allocation);
        assertThat(address.privateIp()).startsWith("10.60.1.");
        String eni = address.networkInterfaceId();
        assertThat(ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(eni))
                        .networkInterfaces()
                        .get(0)
                        .interfaceTypeAsString())
                .isEqualTo("nat_gateway");
        assertThat(ec2.describeAddresses(r -> r.allocationIds(allocation))
                        .addresses()
                        .get(0)
                        .networkInterfaceId())
                .isEqualTo(eni);
        AwsServiceException inUse = error(() -> ec2.releaseAddress(r -> r.allocationId(allocation)));
        assertThat(inUse.awsErrorDetails().errorCode()).isEqualTo("InvalidIPAddress.InUse");
        assertThat(ec2.describeNatGateways(r -> r.filter(filter("subnet-id", subnet), filter("state", "available")))
                        .natGateways())
                .extracting(NatGateway::natGatewayId)
                .containsExactly(g.natGatewayId());

        assertThat(ec2.deleteNatGateway(r -> r.natGatewayId(g.natGatewayId())).natGatewayId())
                .isEqualTo(g.natGatewayId());
        assertThat(gateway(g.natGatewayId()).stateAsString()).isEqualTo("deleting");
        settle();
        assertThat(gateway(g.natGatewayId()).stateAsString()).isEqualTo("deleted");
        ec2.releaseAddress(r -> r.allocationId(allocation));
        AwsServiceException unknown = error(() -> gateway("nat-0123456789abcdef0"));
        assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("NatGatewayNotFound");
        assertThat(unknown.awsErrorDetails().errorMessage())
                .isEqualTo("NAT gateway nat-0123456789abcdef0 was not found");
    }

    @Test
    void aClientTokenMakesCreationIdempotent() {
        String subnet = publicSubnet("10.61");
        CreateNatGatewayResponse first = ec2.createNatGateway(
                r -> r.subnetId(subnet).connectivityType("private").clientToken("once"));
        settle();
        CreateNatGatewayResponse again = ec2.createNatGateway(
                r -> r.subnetId(subnet).connectivityType("private").clientToken("once"));
        assertThat(again.natGateway().natGatewayId())
                .isEqualTo(first.natGateway().natGatewayId());
        assertThat(again.natGateway().stateAsString()).isEqualTo("available");
        assertThat(again.natGateway().createTime()).isEqualTo(first.natGateway().createTime());
        assertThat(ec2.describeNatGateways(r -> r.filter(filter("subnet-id", subnet)))
                        .natGateways())
                .hasSize(1);
        String other = publicSubnet("10.62");
        AwsServiceException mismatch = error(() -> ec2.createNatGateway(
                r -> r.subnetId(other).connectivityType("private").clientToken("once")));
        assertThat(mismatch.awsErrorDetails().errorCode()).isEqualTo("IdempotentParameterMismatch");
    }

    @Test
    void aPublicGatewayInAVpcWithoutInternetGatewayFails() {
        String vpc = ec2.createVpc(r -> r.cidrBlock("10.63.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.63.1.0/24"))
                .subnet()
                .subnetId();
        String allocation = ec2.allocateAddress(r -> {}).allocationId();
        NatGateway g = ec2.createNatGateway(r -> r.subnetId(subnet).allocationId(allocation))
                .natGateway();
        assertThat(g.stateAsString()).isEqualTo("failed");
        assertThat(g.failureCode()).isEqualTo("Gateway.NotAttached");
        assertThat(g.failureMessage()).isEqualTo("Network " + vpc + " has no Internet gateway attached");
        ec2.releaseAddress(r -> r.allocationId(allocation));
    }

    @Test
    void aRouteToTheGatewayIsActiveUntilTheGatewayIsDeleted() {
        String subnet = publicSubnet("10.64");
        String vpc =
                ec2.describeSubnets(r -> r.subnetIds(subnet)).subnets().get(0).vpcId();
        String table = ec2.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
        AwsServiceException missing = error(() -> ec2.createRoute(
                r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").natGatewayId("nat-0123456789abcdef0")));
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("InvalidNatGatewayID.NotFound");
        String nat = ec2.createNatGateway(r -> r.subnetId(subnet).connectivityType("private"))
                .natGateway()
                .natGatewayId();
        settle();
        ec2.createRoute(
                r -> r.routeTableId(table).destinationCidrBlock("0.0.0.0/0").natGatewayId(nat));
        Route route = ec2
                .describeRouteTables(r -> r.filters(filter("route.nat-gateway-id", nat)))
                .routeTables()
                .get(0)
                .routes()
                .stream()
                .filter(x -> nat.equals(x.natGatewayId()))
                .findFirst()
                .orElseThrow();
        assertThat(route.stateAsString()).isEqualTo("active");
        ec2.deleteNatGateway(r -> r.natGatewayId(nat));
        DescribeNatGatewaysResponse after = ec2.describeNatGateways(r -> r.natGatewayIds(nat));
        assertThat(after.natGateways().get(0).stateAsString()).isEqualTo("deleting");
        assertThat(ec2.describeRouteTables(r -> r.routeTableIds(table)).routeTables().get(0).routes().stream()
                        .filter(x -> nat.equals(x.natGatewayId()))
                        .findFirst()
                        .orElseThrow()
                        .stateAsString())
                .isEqualTo("blackhole");
    }
}
