package dev.rolehop.aws.ec2;

import dev.rolehop.aws.AwsModule;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.NatGateway;

/**
 * {@code ec2_vpc_nat_gateway_info}: the NAT gateways matching {@code nat_gateway_ids} and
 * {@code filters}, as amazon.aws 5.5 returns them under {@code result}: boto3's snake_cased
 * fields, {@code tags} as a dict when the gateway has any. One paginated DescribeNatGateways.
 */
public final class NatGatewayInfoModule extends AwsModule {

    public NatGatewayInfoModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_vpc_nat_gateway_info",
                Set.of("ec2_vpc_nat_gateway_info", "community.aws.ec2_vpc_nat_gateway_info"),
                clients,
                ArgumentSpec.of(
                        Argument.of("filters", ArgumentType.DICT).withDefault(Map.of()),
                        Argument.of("nat_gateway_ids", ArgumentType.LIST)
                                .withElements(ArgumentType.STR)
                                .withDefault(List.of())));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        var request = DescribeNatGatewaysRequest.builder()
                .filter(Filters.of(args.dict("filters")))
                .natGatewayIds(args.list("nat_gateway_ids").stream()
                        .map(String::valueOf)
                        .toList());
        List<NatGateway> gateways;
        try {
            gateways = NatGateways.describe(aws, request, "Unable to describe NAT gateways.");
        } catch (ModuleFailure failure) {
            String code = FailureCodes.of(failure);
            if (code.equals("InvalidNatGatewayID.NotFound")) {
                // amazon.aws ends the task successfully, with no result at all.
                return ModuleResult.ok(Map.of()).withMsg("NAT gateway not found.");
            }
            if (code.equals("NatGatewayMalformed")) {
                throw new ModuleFailure("NAT gateway id is malformed.");
            }
            throw failure;
        }
        return ModuleResult.ok(Map.of(
                "result",
                gateways.stream()
                        .map(g -> g.hasTags() ? NatGateways.withTagDict(g) : NatGateways.snake(g))
                        .toList()));
    }
}
