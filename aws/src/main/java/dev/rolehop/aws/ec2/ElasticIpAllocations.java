package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.ModuleFailure;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AllocateAddressRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressRequest;

/** The Elastic IP calls of amazon.aws 5.5's {@code ec2_vpc_nat_gateway}, with its messages. */
final class ElasticIpAllocations {

    private ElasticIpAllocations() {}

    /**
     * The allocation id of a VPC address, as {@code get_eip_allocation_id_by_address}: {@code id}
     * set, or {@code problem} saying why not (no such address, a non-VPC one).
     */
    record Lookup(String id, String problem) {}

    static Lookup byAddress(AwsSession aws, String address) {
        var request = DescribeAddressesRequest.builder()
                .publicIps(address)
                .overrideConfiguration(aws.tag())
                .build();
        List<Address> found;
        try {
            found = aws.call(
                    "ec2",
                    "DescribeAddresses",
                    "Unable to describe EIP",
                    () -> aws.ec2().describeAddresses(request).addresses());
        } catch (ModuleFailure failure) {
            String code = FailureCodes.of(failure);
            if (code.equals("InvalidAddress.Malformed")) {
                throw new ModuleFailure("EIP address " + address + " is invalid.");
            }
            if (code.equals("InvalidAddress.NotFound")) {
                return new Lookup(null, "EIP " + address + " does not exist");
            }
            throw failure;
        }
        if (found.size() != 1) {
            return new Lookup(null, "");
        }
        if (found.get(0).domain() != DomainType.VPC) {
            return new Lookup(null, "EIP " + address + " is a non-VPC EIP, please allocate a VPC scoped EIP");
        }
        return new Lookup(found.get(0).allocationId(), "");
    }

    /** A new VPC address's allocation id. */
    static String allocate(AwsSession aws) {
        return aws.call(
                "ec2",
                "AllocateAddress",
                null,
                () -> aws.ec2()
                        .allocateAddress(AllocateAddressRequest.builder()
                                .domain(DomainType.VPC)
                                .overrideConfiguration(aws.tag())
                                .build())
                        .allocationId());
    }

    /**
     * Releases an address as {@code release_address} does; an address already gone counts as
     * released (amazon.aws asks DescribeAddresses first; one call does here).
     */
    static void release(AwsSession aws, String allocationId) {
        var request = ReleaseAddressRequest.builder()
                .allocationId(allocationId)
                .overrideConfiguration(aws.tag())
                .build();
        try {
            aws.call("ec2", "ReleaseAddress", null, () -> aws.ec2().releaseAddress(request));
        } catch (ModuleFailure failure) {
            if (!FailureCodes.of(failure).equals("InvalidAllocationID.NotFound")) {
                throw failure;
            }
        }
    }
}
