package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.ModuleFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Vpc;

/** VPCs described as {@code ec2_vpc_net} describes them. */
final class VpcLookup {

    // amazon.aws's vpc_available waiter: every 15 s, 40 times.
    private static final Waiter AVAILABLE = new Waiter("vpc_available", Duration.ofSeconds(15), 40);
    private static final Set<String> MOVING = Set.of("associating", "disassociating");

    private VpcLookup() {}

    static List<Vpc> describe(AwsSession aws, List<String> ids, List<Filter> filters, String prefix) {
        var request = DescribeVpcsRequest.builder().filters(filters).overrideConfiguration(aws.tag());
        if (!ids.isEmpty()) {
            request.vpcIds(ids);
        }
        return aws.call(
                "ec2",
                "DescribeVpcs",
                prefix,
                () -> aws.ec2().describeVpcs(request.build()).vpcs());
    }

    /**
     * The VPC once it is available with no CIDR block being associated or disassociated, as
     * amazon.aws's {@code get_vpc} waits for it (failing as it fails when there is no such VPC).
     */
    static Vpc settled(AwsSession aws, String vpcId) {
        String prefix = "VPC failed to reach expected state (available)";
        return AVAILABLE.until(() -> one(aws, vpcId, prefix), VpcLookup::isSettled, prefix);
    }

    private static Vpc one(AwsSession aws, String vpcId, String prefix) {
        try {
            return describe(aws, List.of(vpcId), List.of(), "Failed to describe VPCs")
                    .get(0);
        } catch (ModuleFailure failure) {
            if (failure.values().get("error") instanceof Map<?, ?> error
                    && "InvalidVpcID.NotFound".equals(error.get("code"))) {
                // botocore's waiter reports the error it stopped on, without AWS's details.
                throw new ModuleFailure(
                        prefix + ": Waiter vpc_available failed: An error occurred (InvalidVpcID.NotFound): "
                                + error.get("message"));
            }
            throw failure;
        }
    }

    private static boolean isSettled(Vpc vpc) {
        return "available".equals(vpc.stateAsString())
                && vpc.cidrBlockAssociationSet().stream()
                        .noneMatch(
                                block -> MOVING.contains(block.cidrBlockState().stateAsString()))
                && vpc.ipv6CidrBlockAssociationSet().stream()
                        .noneMatch(block ->
                                MOVING.contains(block.ipv6CidrBlockState().stateAsString()));
    }
}
