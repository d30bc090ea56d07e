package dev.rolehop.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.CreateNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceAttribute;
import software.amazon.awssdk.services.ec2.model.NetworkInterfacePrivateIpAddress;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;

/** EC2 network interfaces over the SDK: create, describe, attach, detach, attributes, addresses, delete. */
class Ec2NetworkInterfaceTest extends NetLab {

    private NetworkInterface eni(String id) {
        return ec2.describeNetworkInterfaces(r -> r.networkInterfaceIds(id))
                .networkInterfaces()
                .get(0);
    }

    private NetworkInterface create(Instance in) {
        return ec2.createNetworkInterface(r -> r.subnetId(in.subnetId())).networkInterface();
    }

    @Test
    void anInterfaceIsCreatedInItsSubnetWithAddressesGroupsAndTags() {
        Instance i = running();
        String group = ec2.createSecurityGroup(
                        r -> r.groupName("eni-web").description("web").vpcId(i.vpcId()))
                .groupId();
        CreateNetworkInterfaceResponse created = ec2.createNetworkInterface(r -> r.subnetId(i.subnetId())
                .description("data plane")
                .groups(group)
                .privateIpAddress("172.31.0.200")
                .secondaryPrivateIpAddressCount(1)
                .tagSpecifications(t -> t.resourceType(ResourceType.NETWORK_INTERFACE)
                        .tags(Tag.builder().key("Name").value("data").build())));
        NetworkInterface n = created.networkInterface();
        assertThat(n.networkInterfaceId()).matches("eni-[0-9a-f]{17}");
        assertThat(n.statusAsString()).isEqualTo("pending");
        NetworkInterface seen = eni(n.networkInterfaceId());
        assertThat(seen.statusAsString()).isEqualTo("available");
        assertThat(seen.vpcId()).isEqualTo(i.vpcId());
        assertThat(seen.availabilityZone()).isEqualTo(i.placement().availabilityZone());
        assertThat(seen.description()).isEqualTo("data plane");
        assertThat(seen.privateIpAddress()).isEqualTo("172.31.0.200");
        assertThat(seen.privateIpAddresses())
                .extracting(NetworkInterfacePrivateIpAddress::primary)
                .containsExactly(true, false);
        assertThat(seen.groups()).extracting(GroupIdentifier::groupName).containsExactly("eni-web");
        assertThat(seen.tagSet())
                .containsExactly(Tag.builder().key("Name").value("data").build());
        assertThat(seen.interfaceTypeAsString()).isEqualTo("interface");
        AwsServiceException taken = error(
                () -> ec2.createNetworkInterface(r -> r.subnetId(i.subnetId()).privateIpAddress("172.31.0.200")));
        assertThat(taken.awsErrorDetails().errorCode()).isEqualTo("InvalidIPAddress.InUse");
        assertThat(ec2.describeNetworkInterfaces(
                                r -> r.filters(filter("tag:Name", "data"), filter("status", "available")))
                        .networkInterfaces())
                .extracting(NetworkInterface::networkInterfaceId)
                .containsExactly(n.networkInterfaceId());
        ec2.deleteNetworkInterface(r -> r.networkInterfaceId(n.networkInterfaceId()));
        AwsServiceException gone = error(() -> eni(n.networkInterfaceId()));
        assertThat(gone.awsErrorDetails().errorCode()).isEqualTo("InvalidNetworkInterfaceID.NotFound");
        assertThat(gone.awsErrorDetails().errorMessage())
                .isEqualTo("The networkInterface ID '" + n.networkInterfaceId() + "' does not exist");
    }

    @Test
    void instancesPrimaryInterfacesAreListedAndCannotBeDetachedOrDeleted() {
        Instance i = running();
        String primary = i.networkInterfaces().get(0).networkInterfaceId();
        NetworkInterface n = ec2.describeNetworkInterfaces(
                        r -> r.filters(filter("attachment.instance-id", i.instanceId())))
                .networkInterfaces()
                .get(0);
        assertThat(n.networkInterfaceId()).isEqualTo(primary);
        assertThat(n.statusAsString()).isEqualTo("in-use");
        assertThat(n.attachment().deviceIndex()).isZero();
        assertThat(n.privateIpAddress()).isEqualTo(i.privateIpAddress());
        AwsServiceException delete = error(() -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(primary)));
        assertThat(delete.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(delete.awsErrorDetails().errorMessage())
                .isEqualTo("Network interface '" + primary + "' is currently in use.");
        AwsServiceException detach = error(() ->
                ec2.detachNetworkInterface(r -> r.attachmentId(n.attachment().attachmentId())));
        assertThat(detach.awsErrorDetails().errorCode()).isEqualTo("OperationNotPermitted");
    }

    @Test
    void anInterfaceIsAttachedAtAFreeDeviceIndexDetachedAndThenDeleted() {
        Instance i = running();
        NetworkInterface n = create(i);
        String id = n.networkInterfaceId();
        AwsServiceException zero = error(() -> ec2.attachNetworkInterface(
                r -> r.networkInterfaceId(id).instanceId(i.instanceId()).deviceIndex(0)));
        assertThat(zero.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        assertThat(zero.awsErrorDetails().errorMessage())
                .isEqualTo("Instance '" + i.instanceId() + "' already has an interface attached at device index '0'.");
        String attachment = ec2.attachNetworkInterface(
                        r -> r.networkInterfaceId(id).instanceId(i.instanceId()).deviceIndex(1))
                .attachmentId();
        assertThat(attachment).startsWith("eni-attach-");
        NetworkInterface attached = eni(id);
        assertThat(attached.statusAsString()).isEqualTo("in-use");
        assertThat(attached.attachment().instanceId()).isEqualTo(i.instanceId());
        assertThat(attached.attachment().statusAsString()).isEqualTo("attached");
        AwsServiceException twice = error(() -> ec2.attachNetworkInterface(
                r -> r.networkInterfaceId(id).instanceId(i.instanceId()).deviceIndex(2)));
        assertThat(twice.awsErrorDetails().errorCode()).isEqualTo("InvalidNetworkInterface.InUse");
        AwsServiceException inUse = error(() -> ec2.deleteNetworkInterface(r -> r.networkInterfaceId(id)));
        assertThat(inUse.awsErrorDetails().errorMessage())
                .isEqualTo("Network interface '" + id + "' is currently in use.");
        ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(id)
                .attachment(a -> a.attachmentId(attachment).deleteOnTermination(true)));
        assertThat(ec2.describeNetworkInterfaceAttribute(
                                r -> r.networkInterfaceId(id).attribute(NetworkInterfaceAttribute.ATTACHMENT))
                        .attachment()
                        .deleteOnTermination())
                .isTrue();
        ec2.detachNetworkInterface(r -> r.attachmentId(attachment));
        assertThat(eni(id).statusAsString()).isEqualTo("available");
        assertThat(eni(id).attachment()).isNull();
        ec2.deleteNetworkInterface(r -> r.networkInterfaceId(id));
    }

    @Test
    void attributesAndSecondaryAddressesChange() {
        Instance i = running();
        String id = create(i).networkInterfaceId();
        String group = ec2.createSecurityGroup(
                        r -> r.groupName("eni-db").description("db").vpcId(i.vpcId()))
                .groupId();
        ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(id).description(d -> d.value("changed")));
        ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(id).sourceDestCheck(c -> c.value(false)));
        ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(id).groups(group));
        NetworkInterface n = eni(id);
        assertThat(n.description()).isEqualTo("changed");
        assertThat(n.sourceDestCheck()).isFalse();
        assertThat(n.groups()).extracting(GroupIdentifier::groupId).containsExactly(group);
        assertThat(ec2.describeNetworkInterfaceAttribute(
                                r -> r.networkInterfaceId(id).attribute(NetworkInterfaceAttribute.DESCRIPTION))
                        .description()
                        .value())
                .isEqualTo("changed");
        List<String> assigned = ec2
                .assignPrivateIpAddresses(r -> r.networkInterfaceId(id).secondaryPrivateIpAddressCount(2))
                .assignedPrivateIpAddresses()
                .stream()
                .map(a -> a.privateIpAddress())
                .toList();
        assertThat(assigned).hasSize(2);
        assertThat(eni(id).privateIpAddresses()).hasSize(3);
        ec2.unassignPrivateIpAddresses(r -> r.networkInterfaceId(id).privateIpAddresses(assigned.get(0)));
        assertThat(eni(id).privateIpAddresses())
                .extracting(NetworkInterfacePrivateIpAddress::privateIpAddress)
                .doesNotContain(assigned.get(0))
                .contains(assigned.get(1));
        AwsServiceException primary = error(() -> ec2.unassignPrivateIpAddresses(
                r -> r.networkInterfaceId(id).privateIpAddresses(eni(id).privateIpAddress())));
        assertThat(primary.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterValue");
        ec2.deleteNetworkInterface(r -> r.networkInterfaceId(id));
    }

    @Test
    void anAddressOnAnInterfaceFollowsItsAttachmentAndTerminationDeletesWhatIsToBeDeleted() {
        Instance i = running();
        String id = create(i).networkInterfaceId();
        String allocation = ec2.allocateAddress(r -> {}).allocationId();
        ec2.associateAddress(r -> r.allocationId(allocation).networkInterfaceId(id));
        assertThat(eni(id).association().allocationId()).isEqualTo(allocation);
        String attachment = ec2.attachNetworkInterface(
                        r -> r.networkInterfaceId(id).instanceId(i.instanceId()).deviceIndex(1))
                .attachmentId();
        assertThat(ec2.describeAddresses(r -> r.allocationIds(allocation))
                        .addresses()
                        .get(0)
                        .instanceId())
                .isEqualTo(i.instanceId());
        AwsServiceException two = error(() -> ec2.associateAddress(
                r -> r.allocationId(allocation).instanceId(i.instanceId()).allowReassociation(true)));
        assertThat(two.awsErrorDetails().errorCode()).isEqualTo("InvalidInstanceID");
        ec2.modifyNetworkInterfaceAttribute(r -> r.networkInterfaceId(id)
                .attachment(a -> a.attachmentId(attachment).deleteOnTermination(true)));
        ec2.terminateInstances(r -> r.instanceIds(i.instanceId()));
        DescribeNetworkInterfacesResponse left =
                ec2.describeNetworkInterfaces(r -> r.filters(filter("network-interface-id", id)));
        assertThat(left.networkInterfaces()).isEmpty();
        assertThat(ec2.describeAddresses(r -> r.allocationIds(allocation))
                        .addresses()
                        .get(0)
                        .associationId())
                .isNull();
        ec2.releaseAddress(r -> r.allocationId(allocation));
    }

    @Test
    void describePagesThroughInterfaces() {
        Instance i = running();
        for (int n = 0; n < 5; n++) {
            create(i);
        }
        DescribeNetworkInterfacesResponse first = ec2.describeNetworkInterfaces(r -> r.maxResults(5));
        assertThat(first.networkInterfaces()).hasSize(5);
        assertThat(first.nextToken()).isNotNull();
        DescribeNetworkInterfacesResponse second =
                ec2.describeNetworkInterfaces(r -> r.maxResults(5).nextToken(first.nextToken()));
        assertThat(second.networkInterfaces()).isNotEmpty();
        assertThat(second.networkInterfaces()).doesNotContainAnyElementsOf(first.networkInterfaces());
    }
}
