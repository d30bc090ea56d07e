package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/** EC2 internet gateways over the SDK: create, attach, detach, delete, describe with filters. */
class Ec2InternetGatewayTest extends LabEc2 {

    private String igw() {
        return lab.createInternetGateway(r -> {}).internetGateway().internetGatewayId();
    }

    @Test
    void aGatewayIsAttachedDescribedByItsVpcAndDetached() {
        String vpc = vpc("10.40.0.0/16");
        String id = lab.createInternetGateway(
                        r -> r.tagSpecifications(t -> t.resourceType(ResourceType.INTERNET_GATEWAY)
                                .tags(Tag.builder().key("Name").value("edge").build())))
                .internetGateway()
                .internetGatewayId();
        assertThat(id).startsWith("igw-");
        lab.attachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc));
        InternetGateway g = lab.describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", vpc)))
                .internetGateways()
                .get(0);
        assertThat(g.internetGatewayId()).isEqualTo(id);
        assertThat(g.ownerId()).isEqualTo("222222222222");
        assertThat(g.attachments()).singleElement().satisfies(a -> {
            assertThat(a.vpcId()).isEqualTo(vpc);
            assertThat(a.stateAsString()).isEqualTo("available");
        });
        assertThat(g.tags())
                .containsExactly(Tag.builder().key("Name").value("edge").build());
        lab.detachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc));
        assertThat(lab.describeInternetGateways(r -> r.internetGatewayIds(id))
                        .internetGateways()
                        .get(0)
                        .attachments())
                .isEmpty();
    }

    @Test
    void aGatewayAttachesToOneVpcAndAVpcTakesOneGateway() {
        String vpc = vpc("10.41.0.0/16");
        String other = vpc("10.42.0.0/16");
        String id = igw();
        lab.attachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc));
        AwsServiceException twice = error(
                () -> lab.attachInternetGateway(r -> r.internetGatewayId(id).vpcId(other)));
        assertThat(twice.awsErrorDetails().errorCode()).isEqualTo("Resource.AlreadyAssociated");
        assertThat(twice.awsErrorDetails().errorMessage())
                .isEqualTo("resource " + id + " is already attached to network " + vpc);
        String second = igw();
        AwsServiceException full = error(
                () -> lab.attachInternetGateway(r -> r.internetGatewayId(second).vpcId(vpc)));
        assertThat(full.awsErrorDetails().errorCode()).isEqualTo("Resource.AlreadyAssociated");
    }

    @Test
    void detachingFromAnotherVpcIsGatewayNotAttached() {
        String vpc = vpc("10.43.0.0/16");
        String id = igw();
        AwsServiceException e = error(
                () -> lab.detachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("Gateway.NotAttached");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("resource " + id + " is not attached to network " + vpc);
    }

    @Test
    void anAttachedGatewayCannotBeDeleted() {
        String vpc = vpc("10.44.0.0/16");
        String id = igw();
        lab.attachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc));
        AwsServiceException e = error(() -> lab.deleteInternetGateway(r -> r.internetGatewayId(id)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("DependencyViolation");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The internetGateway '" + id + "' has dependencies and cannot be deleted.");
        lab.detachInternetGateway(r -> r.internetGatewayId(id).vpcId(vpc));
        lab.deleteInternetGateway(r -> r.internetGatewayId(id));
        AwsServiceException gone = error(() -> lab.describeInternetGateways(r -> r.internetGatewayIds(id)));
        assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("InvalidInternetGatewayID.NotFound");
        assertThat(gone.awsErrorDetails().errorMessage())
                .isEqualTo("The internetGateway ID '" + id + "' does not exist");
    }

    @Test
    void theDefaultVpcHasItsGateway() {
        String vpc = defaultVpc().vpcId();
        assertThat(lab.describeInternetGateways(r -> r.filters(filter("attachment.vpc-id", vpc)))
                        .internetGateways())
                .hasSize(1);
    }
}
