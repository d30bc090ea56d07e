package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/** EC2 Elastic IP addresses over the SDK: allocate, describe, associate, disassociate, release. */
class Ec2ElasticIpTest extends NetLab {

    private AllocateAddressResponse allocate() {
        return ec2.allocateAddress(r -> r.domain(DomainType.VPC));
    }

    private Address address(String allocationId) {
        return ec2.describeAddresses(r -> r.allocationIds(allocationId))
                .addresses()
                .get(0);
    }

    @Test
    void anAddressIsAllocatedWithTagsAndFoundByIdAddressAndFilter() {
        AllocateAddressResponse a = ec2.allocateAddress(r -> r.domain(DomainType.VPC)
                .tagSpecifications(t -> t.resourceType(ResourceType.ELASTIC_IP)
                        .tags(Tag.builder().key("Name").value("front").build())));
        assertThat(a.allocationId()).matches("eipalloc-[0-9a-f]{17}");
        assertThat(a.publicIp()).startsWith("198.1");
        assertThat(a.domainAsString()).isEqualTo("vpc");
        assertThat(a.networkBorderGroup()).isEqualTo("us-east-1");
        Address byIp = ec2.describeAddresses(r -> r.publicIps(a.publicIp()))
                .addresses()
                .get(0);
        assertThat(byIp.allocationId()).isEqualTo(a.allocationId());
        assertThat(byIp.associationId()).isNull();
        assertThat(byIp.tags())
                .containsExactly(Tag.builder().key("Name").value("front").build());
        assertThat(ec2.describeAddresses(r -> r.filters(filter("tag:Name", "front")))
                        .addresses())
                .extracting(Address::allocationId)
                .containsExactly(a.allocationId());
        assertThat(ec2.describeAddresses(r -> r.filters(filter("tag:Name", "back")))
                        .addresses())
                .isEmpty();
        ec2.releaseAddress(r -> r.allocationId(a.allocationId()));
        AwsServiceException gone = error(() -> address(a.allocationId()));
        assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("InvalidAllocationID.NotFound");
        assertThat(gone.awsErrorDetails().errorMessage())
                .isEqualTo("The allocation ID '" + a.allocationId() + "' does not exist");
    }

    @Test
    void anAddressAssociatedWithAnInstanceIsItsPublicAddressUntilDisassociated() {
        Instance i = running();
        AllocateAddressResponse a = allocate();
        String association = ec2.associateAddress(
                        r -> r.allocationId(a.allocationId()).instanceId(i.instanceId()))
                .associationId();
        assertThat(association).startsWith("eipassoc-");
        Address bound = address(a.allocationId());
        assertThat(bound.instanceId()).isEqualTo(i.instanceId());
        assertThat(bound.networkInterfaceId())
                .isEqualTo(i.networkInterfaces().get(0).networkInterfaceId());
        assertThat(bound.privateIpAddress()).isEqualTo(i.privateIpAddress());
        assertThat(bound.associationId()).isEqualTo(association);
        assertThat(describe(i.instanceId()).publicIpAddress()).isEqualTo(a.publicIp());
        assertThat(ec2.describeAddresses(r -> r.filters(filter("instance-id", i.instanceId())))
                        .addresses())
                .extracting(Address::allocationId)
                .containsExactly(a.allocationId());
        ec2.disassociateAddress(r -> r.associationId(association));
        assertThat(address(a.allocationId()).instanceId()).isNull();
        assertThat(describe(i.instanceId()).publicIpAddress()).isNotEqualTo(a.publicIp());
        ec2.releaseAddress(r -> r.allocationId(a.allocationId()));
    }

    @Test
    void anAssociatedAddressIsInUseAndMovesOnlyWhenReassociationIsAllowed() {
        Instance first = running();
        Instance second = running();
        AllocateAddressResponse a = allocate();
        String association = ec2.associateAddress(
                        r -> r.allocationId(a.allocationId()).instanceId(first.instanceId()))
                .associationId();
        AwsServiceException inUse = error(() -> ec2.releaseAddress(r -> r.allocationId(a.allocationId())));
        assertThat(inUse.awsErrorDetails().errorCode()).isEqualTo("InvalidIPAddress.InUse");
        assertThat(inUse.awsErrorDetails().errorMessage()).isEqualTo("Address " + a.publicIp() + " is in use.");
        AwsServiceException taken = error(
                () -> ec2.associateAddress(r -> r.allocationId(a.allocationId()).instanceId(second.instanceId())));
        assertThat(taken.awsErrorDetails().errorCode()).isEqualTo("Resource.AlreadyAssociated");
        assertThat(taken.awsErrorDetails().errorMessage())
                .isEqualTo("resource " + a.allocationId() + " is already associated with associate-id " + association);
        ec2.associateAddress(r ->
                r.allocationId(a.allocationId()).instanceId(second.instanceId()).allowReassociation(true));
        assertThat(address(a.allocationId()).instanceId()).isEqualTo(second.instanceId());
        assertThat(describe(first.instanceId()).publicIpAddress()).isNotEqualTo(a.publicIp());
        assertThat(describe(second.instanceId()).publicIpAddress()).isEqualTo(a.publicIp());
        ec2.terminateInstances(r -> r.instanceIds(second.instanceId()));
        assertThat(address(a.allocationId()).associationId()).isNull();
        ec2.releaseAddress(r -> r.allocationId(a.allocationId()));
    }

    @Test
    void aPendingInstanceTakesNoAddress() {
        String id = ec2.runInstances(r ->
                        r.imageId(IMAGE).instanceType("t3.micro").minCount(1).maxCount(1))
                .instances()
                .get(0)
                .instanceId();
        AllocateAddressResponse a = allocate();
        AwsServiceException e = error(
                () -> ec2.associateAddress(r -> r.allocationId(a.allocationId()).instanceId(id)));
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("IncorrectInstanceState");
        assertThat(e.awsErrorDetails().errorMessage())
                .isEqualTo("The pending instance '" + id + "' is not in a valid state for this operation.");
        settle();
        ec2.associateAddress(r -> r.allocationId(a.allocationId()).instanceId(id));
        ec2.terminateInstances(r -> r.instanceIds(id));
        ec2.releaseAddress(r -> r.allocationId(a.allocationId()));
    }

    @Test
    void unknownAddressesAndAssociationsAreAwsErrors() {
        AwsServiceException ip = error(() -> ec2.describeAddresses(r -> r.publicIps("198.18.0.99")));
        assertThat(ip.awsErrorDetails().errorCode()).isEqualTo("InvalidAddress.NotFound");
        AwsServiceException assoc =
                error(() -> ec2.disassociateAddress(r -> r.associationId("eipassoc-0123456789abcdef0")));
        assertThat(assoc.awsErrorDetails().errorCode()).isEqualTo("InvalidAssociationID.NotFound");
        assertThat(assoc.awsErrorDetails().errorMessage())
                .isEqualTo("The association ID 'eipassoc-0123456789abcdef0' does not exist");
        AwsServiceException release =
                error(() -> ec2.releaseAddress(r -> r.allocationId("eipalloc-0123456789abcdef0")));
        assertThat(release.awsErrorDetails().errorCode()).isEqualTo("InvalidAllocationID.NotFound");
    }

    @Test
    void aRegionHoldsFiveAddresses() {
        try (Ec2Client west = f.ec2(LocalFixture.keys("AKIANETLABTEST000001", "net-lab-secret-1"), Region.US_WEST_2)) {
            for (int n = 0; n < 5; n++) {
                west.allocateAddress(r -> {});
            }
            AwsServiceException e = error(() -> west.allocateAddress(r -> {}));
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AddressLimitExceeded");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("The maximum number of addresses has been reached.");
        }
    }
}
