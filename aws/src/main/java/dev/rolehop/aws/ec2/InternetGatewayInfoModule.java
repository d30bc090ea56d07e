package dev.rolehop.aws.ec2;

import dev.rolehop.aws.AwsModule;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.aws.client.Boto3Shapes;
import dev.rolehop.aws.client.SnakeCase;
import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.InternetGateway;

/**
 * {@code ec2_vpc_igw_info}: the internet gateways matching {@code internet_gateway_ids} and
 * {@code filters}, as amazon.aws 5.5 returns them: {@code internet_gateway_id},
 * {@code attachments} and {@code tags} (a dict, or boto3's list with {@code convert_tags: false}).
 * One DescribeInternetGateways.
 */
public final class InternetGatewayInfoModule extends AwsModule {

    public InternetGatewayInfoModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_vpc_igw_info",
                Set.of("ec2_vpc_igw_info", "community.aws.ec2_vpc_igw_info"),
                clients,
                ArgumentSpec.of(
                        Argument.of("filters", ArgumentType.DICT).withDefault(Map.of()),
                        Argument.of("internet_gateway_ids", ArgumentType.LIST).withElements(ArgumentType.STR),
                        Argument.of("convert_tags", ArgumentType.BOOL).withDefault(true)));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        var request = DescribeInternetGatewaysRequest.builder()
                .filters(Filters.of(args.dict("filters")))
                .overrideConfiguration(aws.tag());
        if (args.has("internet_gateway_ids")
                && !args.list("internet_gateway_ids").isEmpty()) {
            request.internetGatewayIds(args.list("internet_gateway_ids").stream()
                    .map(String::valueOf)
                    .toList());
        }
        List<InternetGateway> gateways;
        try {
            gateways = aws.call(
                    "ec2",
                    "DescribeInternetGateways",
                    "Unable to describe internet gateways",
                    () -> aws.ec2().describeInternetGateways(request.build()).internetGateways());
        } catch (ModuleFailure failure) {
            if (FailureCodes.of(failure).equals("InvalidInternetGatewayID.NotFound")) {
                // amazon.aws fails with its own words here, without AWS's details.
                throw new ModuleFailure("InternetGateway not found");
            }
            throw failure;
        }
        boolean convert = args.get("convert_tags") == null || args.bool("convert_tags");
        return ModuleResult.ok(Map.of(
                "internet_gateways",
                gateways.stream().map(igw -> info(igw, convert)).toList()));
    }

    private static Map<String, Object> info(InternetGateway igw, boolean convertTags) {
        Map<String, Object> camel = new LinkedHashMap<>();
        camel.put("InternetGatewayId", igw.internetGatewayId());
        camel.put("Attachments", Boto3Shapes.of(igw).getOrDefault("Attachments", List.of()));
        if (convertTags) {
            camel.put("Tags", SecurityGroupResult.tags(igw.tags()));
            return SnakeCase.dict(camel, List.of("Tags"));
        }
        camel.put("Tags", Boto3Shapes.of(igw).getOrDefault("Tags", List.of()));
        return SnakeCase.dict(camel);
    }
}
