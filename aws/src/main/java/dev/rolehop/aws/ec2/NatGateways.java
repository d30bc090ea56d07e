package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.aws.client.Boto3Shapes;
import dev.rolehop.aws.client.SnakeCase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NatGateway;

/** NAT gateways as amazon.aws 5.5's NAT gateway modules find them and show them. */
final class NatGateways {

    // botocore 1.29's members (later ones, like an address's IsPrimary and Status, it drops).
    private static final List<String> MEMBERS = List.of(
            "CreateTime",
            "DeleteTime",
            "FailureCode",
            "FailureMessage",
            "NatGatewayAddresses",
            "NatGatewayId",
            "ProvisionedBandwidth",
            "State",
            "SubnetId",
            "VpcId",
            "Tags",
            "ConnectivityType");
    private static final List<String> ADDRESS_MEMBERS =
            List.of("AllocationId", "NetworkInterfaceId", "PrivateIp", "PublicIp");

    private NatGateways() {}

    /** The gateway with this id, in any state (a paginated DescribeNatGateways; AWS's error fails the task). */
    static List<NatGateway> byId(AwsSession aws, String id) {
        return describe(aws, DescribeNatGatewaysRequest.builder().natGatewayIds(id), null);
    }

    /** The subnet's pending and available gateways. */
    static List<NatGateway> inSubnet(AwsSession aws, String subnetId) {
        return describe(
                aws,
                DescribeNatGatewaysRequest.builder()
                        .filter(
                                Filter.builder()
                                        .name("subnet-id")
                                        .values(subnetId)
                                        .build(),
                                Filter.builder()
                                        .name("state")
                                        .values("available", "pending")
                                        .build()),
                null);
    }

    /** The gateways a DescribeNatGateways request selects, every page. */
    static List<NatGateway> describe(AwsSession aws, DescribeNatGatewaysRequest.Builder request, String prefix) {
        var built = request.overrideConfiguration(aws.tag()).build();
        return aws.call("ec2", "DescribeNatGateways", prefix, () -> {
            List<NatGateway> all = new ArrayList<>();
            aws.ec2().describeNatGatewaysPaginator(built).natGateways().forEach(all::add);
            return all;
        });
    }

    /** boto3's dict of the gateway with snake_case keys ({@code tags} still boto3's list). */
    static Map<String, Object> snake(NatGateway gateway) {
        Map<String, Object> camel = Boto3Shapes.of(gateway, MEMBERS);
        if (gateway.hasNatGatewayAddresses()) {
            camel.put(
                    "NatGatewayAddresses",
                    gateway.natGatewayAddresses().stream()
                            .map(address -> Boto3Shapes.of(address, ADDRESS_MEMBERS))
                            .toList());
        }
        return new LinkedHashMap<>(SnakeCase.dict(camel));
    }

    /** The gateway as the modules return it: {@link #snake} with {@code tags} as a dict. */
    static Map<String, Object> withTagDict(NatGateway gateway) {
        Map<String, Object> result = snake(gateway);
        result.put("tags", SecurityGroupResult.tags(gateway.tags()));
        return result;
    }
}
