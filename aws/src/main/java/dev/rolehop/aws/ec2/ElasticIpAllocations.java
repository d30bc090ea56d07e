package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.AllocateAddressRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressRequest;

/** Elastic IP allocations as amazon.aws 5.5's {@code ec2_vpc_nat_gateway} and {@code ec2_eip} make and find them, with their messages. */
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

    /**
     * An address to use: {@code null} in check mode when one would be allocated.
     *
     * @param changed whether it was (or would be) allocated
     */
    record Allocated(Address address, boolean changed) {}

    /**
     * An address as {@code ec2_eip}'s {@code allocate_address}: with {@code reuse}, the first
     * unassociated one of the domain ({@code standard} unless given) matching {@code tagFilter};
     * else a new one (from {@code pool} when given). No allocation in check mode.
     */
    static Allocated allocateOrReuse(
            AwsSession aws,
            ModuleContext context,
            String domain,
            boolean reuse,
            Map<String, Object> tagFilter,
            String pool) {
        String scope = domain == null ? "standard" : domain;
        if (reuse) {
            Map<String, Object> filters = new LinkedHashMap<>();
            filters.put("domain", scope);
            if (tagFilter != null) {
                filters.putAll(tagFilter);
            }
            var request = DescribeAddressesRequest.builder()
                    .filters(Filters.of(filters))
                    .overrideConfiguration(aws.tag())
                    .build();
            List<Address> all = aws.call(
                    "ec2",
                    "DescribeAddresses",
                    "Couldn't obtain list of existing Elastic IP addresses",
                    () -> aws.ec2().describeAddresses(request).addresses());
            var free = all.stream()
                    .filter(a -> scope.equals("vpc") ? a.associationId() == null : a.instanceId() == null)
                    .findFirst();
            if (free.isPresent()) {
                return new Allocated(free.get(), false);
            }
        }
        if (context.checkMode()) {
            return new Allocated(null, true);
        }
        var request = AllocateAddressRequest.builder()
                .domain(scope)
                .publicIpv4Pool(pool)
                .overrideConfiguration(aws.tag())
                .build();
        var response = aws.call(
                "ec2",
                "AllocateAddress",
                "Couldn't allocate Elastic IP address",
                () -> aws.ec2().allocateAddress(request));
        return new Allocated(
                Address.builder()
                        .publicIp(response.publicIp())
                        .allocationId(response.allocationId())
                        .domain(response.domain())
                        .build(),
                true);
    }
}
