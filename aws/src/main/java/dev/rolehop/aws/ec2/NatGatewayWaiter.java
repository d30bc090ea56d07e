package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.ModuleFailure;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.NatGateway;

/**
 * Waits for a NAT gateway to reach a state as amazon.aws 5.5's {@code nat_gateway_available} and
 * {@code nat_gateway_deleted} waiters do: a DescribeNatGateways at once, then every 5 seconds, at
 * most {@code 1 + wait_timeout / 5} times. {@code NatGatewayNotFound} means "try again" while
 * waiting for {@code available} and "done" while waiting for {@code deleted}; any other error, or
 * running out of attempts, fails with botocore's waiter message. Returns the last description, so
 * the module need not describe the gateway again.
 */
final class NatGatewayWaiter {

    private static final long DELAY_MILLIS = 5_000;

    private NatGatewayWaiter() {}

    /** The gateway once it is {@code available}. */
    static NatGateway available(AwsSession aws, String id, long timeoutSeconds) {
        return await(aws, id, timeoutSeconds, "nat_gateway_available", "available");
    }

    /** The gateway once it is {@code deleted}, or {@code null} once AWS no longer knows it. */
    static NatGateway deleted(AwsSession aws, String id, long timeoutSeconds) {
        return await(aws, id, timeoutSeconds, "nat_gateway_deleted", "deleted");
    }

    private static NatGateway await(AwsSession aws, String id, long timeoutSeconds, String waiter, String state) {
        long attempts = 1 + timeoutSeconds / (DELAY_MILLIS / 1000);
        var request = DescribeNatGatewaysRequest.builder()
                .natGatewayIds(id)
                .overrideConfiguration(aws.tag())
                .build();
        for (long attempt = 1; ; attempt++) {
            try {
                List<NatGateway> found = aws.call(
                        "ec2",
                        "DescribeNatGateways",
                        null,
                        () -> aws.ec2().describeNatGateways(request).natGateways());
                if (!found.isEmpty() && found.stream().allMatch(g -> state.equals(g.stateAsString()))) {
                    return found.get(0);
                }
            } catch (ModuleFailure failure) {
                String code = FailureCodes.of(failure);
                if (!code.equals("NatGatewayNotFound")) {
                    throw failure(
                            waiter,
                            code.isEmpty()
                                    ? failure.getMessage()
                                    : "An error occurred (" + code + "): "
                                            + ((Map<?, ?>) failure.values().get("error")).get("message"));
                }
                if (state.equals("deleted")) {
                    return null;
                }
            }
            if (attempt >= attempts) {
                throw failure(waiter, "Max attempts exceeded");
            }
            sleep();
        }
    }

    private static ModuleFailure failure(String waiter, String reason) {
        return new ModuleFailure(
                "NAT gateway failed to reach expected state.: Waiter " + waiter + " failed: " + reason);
    }

    private static void sleep() {
        try {
            Thread.sleep(DELAY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModuleFailure("Unable to wait for NAT gateway state to update.: interrupted");
        }
    }
}
