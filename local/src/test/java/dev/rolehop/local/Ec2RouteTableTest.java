package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;

/** EC2 route tables over the SDK: routes, associations, the main table, blackholes, filters. */
class Ec2RouteTableTest extends LabEc2 {

    private RouteTable describe(String id) {
        return lab.describeRouteTables(r -> r.routeTableIds(id)).routeTables().get(0);
    }

    private String table(String vpc) {
        return lab.createRouteTable(r -> r.vpcId(vpc)).routeTable().routeTableId();
    }

    private String attachedIgw(String vpc) {
        String igw = lab.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
        lab.attachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        return igw;
    }

    @Test
    void routesAreCreatedReplacedAndDeleted() {
        String vpc = vpc("10.50.0.0/16");
        String igw = attachedIgw(vpc);
        String id = table(vpc);
        lab.createRoute(
                r -> r.routeTableId(id).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        Route route = describe(id).routes().get(1);
        assertThat(route.destinationCidrBlock()).isEqualTo("0.0.0.0/0");
        assertThat(route.gatewayId()).isEqualTo(igw);
        assertThat(route.originAsString()).isEqualTo("CreateRoute");
        assertThat(route.stateAsString()).isEqualTo("active");
        AwsServiceException again = error(() -> lab.createRoute(
                r -> r.routeTableId(id).destinationCidrBlock("0.0.0.0/0").gatewayId(igw)));
        assertThat(again.awsErrorDetails().errorCode()).isEqualTo("RouteAlreadyExists");
        assertThat(again.awsErrorDetails().errorMessage())
                .isEqualTo("The route identified by 0.0.0.0/0 already exists.");
        lab.replaceRoute(
                r -> r.routeTableId(id).destinationCidrBlock("0.0.0.0/0").instanceId("i-0a1b2c3d4e5f60718"));
        assertThat(describe(id).routes().get(1).instanceId()).isEqualTo("i-0a1b2c3d4e5f60718");
        lab.deleteRoute(r -> r.routeTableId(id).destinationCidrBlock("0.0.0.0/0"));
        assertThat(describe(id).routes()).hasSize(1);
        AwsServiceException missing =
                error(() -> lab.deleteRoute(r -> r.routeTableId(id).destinationCidrBlock("0.0.0.0/0")));
        assertThat(missing.awsErrorDetails().errorCode()).isEqualTo("InvalidRoute.NotFound");
        assertThat(missing.awsErrorDetails().errorMessage())
                .isEqualTo("no route with destination-cidr-block 0.0.0.0/0 in route table " + id);
        AwsServiceException replaceMissing = error(() -> lab.replaceRoute(
                r -> r.routeTableId(id).destinationCidrBlock("0.0.0.0/0").gatewayId(igw)));
        assertThat(replaceMissing.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void theLocalRouteCannotBeDeleted() {
        String vpc = vpc("10.51.0.0/16");
        String id = table(vpc);
        AwsServiceException e =
                error(() -> lab.deleteRoute(r -> r.routeTableId(id).destinationCidrBlock("10.51.0.0/16")));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
    }

    @Test
    void aGatewayOfAnotherVpcOrUnknownTargetsAreRejected() {
        String vpc = vpc("10.52.0.0/16");
        String other = attachedIgw(vpc("10.53.0.0/16"));
        String id = table(vpc);
        AwsServiceException e = error(() -> lab.createRoute(
                r -> r.routeTableId(id).destinationCidrBlock("0.0.0.0/0").gatewayId(other)));
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("route table " + id + " and network gateway " + other + " belong to different networks");
        AwsServiceException unknown = error(() -> lab.createRoute(
                r -> r.routeTableId(id).destinationCidrBlock("0.0.0.0/0").gatewayId("igw-00000000000000000")));
        assertThat(unknown.awsErrorDetails().errorCode()).isEqualTo("InvalidInternetGatewayID.NotFound");
        AwsServiceException badCidr = error(() -> lab.createRoute(
                r -> r.routeTableId(id).destinationCidrBlock("0.0.0.0/33").gatewayId(other)));
        assertThat(badCidr.awsErrorDetails().errorMessage())
                .isEqualTo(
                        "Value (0.0.0.0/33) for parameter destinationCidrBlock is invalid. This is not a valid CIDR block.");
    }

    @Test
    void aRouteToADetachedGatewayIsABlackhole() {
        String vpc = vpc("10.54.0.0/16");
        String igw = attachedIgw(vpc);
        String id = table(vpc);
        lab.createRoute(
                r -> r.routeTableId(id).destinationCidrBlock("0.0.0.0/0").gatewayId(igw));
        lab.detachInternetGateway(r -> r.internetGatewayId(igw).vpcId(vpc));
        assertThat(describe(id).routes().get(1).stateAsString()).isEqualTo("blackhole");
    }

    @Test
    void subnetsAreAssociatedOnceAndDisassociated() {
        String vpc = vpc("10.55.0.0/16");
        String subnet = lab.createSubnet(r -> r.vpcId(vpc).cidrBlock("10.55.0.0/24"))
                .subnet()
                .subnetId();
        String id = table(vpc);
        String assoc = lab.associateRouteTable(r -> r.routeTableId(id).subnetId(subnet))
                .associationId();
        assertThat(assoc).startsWith("rtbassoc-");
        assertThat(lab.describeRouteTables(r -> r.filters(filter("association.subnet-id", subnet)))
                        .routeTables())
                .extracting(RouteTable::routeTableId)
                .containsExactly(id);
        String second = table(vpc);
        AwsServiceException e =
                error(() -> lab.associateRouteTable(r -> r.routeTableId(second).subnetId(subnet)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Resource.AlreadyAssociated");
        AwsServiceException busy = error(() -> lab.deleteRouteTable(r -> r.routeTableId(id)));
        assertThat(busy.awsErrorDetails().errorCode()).isEqualTo("DependencyViolation");
        assertThat(busy.awsErrorDetails().errorMessage())
                .isEqualTo("The routeTable '" + id + "' has dependencies and cannot be deleted.");
        lab.disassociateRouteTable(r -> r.associationId(assoc));
        lab.deleteRouteTable(r -> r.routeTableId(id));
        AwsServiceException gone = error(() -> describe(id));
        assertThat(gone.awsErrorDetails().errorMessage()).isEqualTo("The routeTable ID '" + id + "' does not exist");
        AwsServiceException unknownAssoc = error(() -> lab.disassociateRouteTable(r -> r.associationId(assoc)));
        assertThat(unknownAssoc.awsErrorDetails().errorCode()).isEqualTo("InvalidAssociationID.NotFound");
    }

    @Test
    void theMainAssociationMovesToAnotherTable() {
        String vpc = vpc("10.56.0.0/16");
        RouteTable main = lab.describeRouteTables(
                        r -> r.filters(filter("vpc-id", vpc), filter("association.main", "true")))
                .routeTables()
                .get(0);
        String mainAssoc = main.associations().get(0).routeTableAssociationId();
        AwsServiceException e = error(() -> lab.disassociateRouteTable(r -> r.associationId(mainAssoc)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        String id = table(vpc);
        String moved = lab.replaceRouteTableAssociation(
                        r -> r.associationId(mainAssoc).routeTableId(id))
                .newAssociationId();
        assertThat(lab.describeRouteTables(r -> r.filters(filter("vpc-id", vpc), filter("association.main", "true")))
                        .routeTables())
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.routeTableId()).isEqualTo(id);
                    assertThat(t.associations().get(0).routeTableAssociationId())
                            .isEqualTo(moved);
                });
        lab.deleteRouteTable(r -> r.routeTableId(main.routeTableId()));
    }

    @Test
    void theDefaultVpcsMainTableRoutesToItsGateway() {
        String vpc = defaultVpc().vpcId();
        RouteTable main = lab.describeRouteTables(
                        r -> r.filters(filter("vpc-id", vpc), filter("association.main", "true")))
                .routeTables()
                .get(0);
        String igw = lab.describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", vpc)))
                .internetGateways()
                .get(0)
                .internetGatewayId();
        assertThat(main.routes())
                .extracting(Route::destinationCidrBlock, Route::gatewayId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("172.31.0.0/16", "local"),
                        org.assertj.core.groups.Tuple.tuple("0.0.0.0/0", igw));
    }
}
