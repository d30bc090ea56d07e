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
import dev.rolehop.python.PythonRepr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/**
 * {@code ec2_vpc_net_info}: the VPCs matching {@code vpc_ids} and {@code filters}, with their
 * DNS support and DNS hostnames attributes, as amazon.aws 5.5 returns them. The EC2-Classic
 * attributes ({@code classic_link_*}) are reported false without asking: EC2-Classic is retired
 * and amazon.aws reports false when AWS answers UnsupportedOperation.
 */
public final class VpcNetInfoModule extends AwsModule {

    public VpcNetInfoModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_vpc_net_info",
                Set.of("ec2_vpc_net_info"),
                clients,
                ArgumentSpec.of(
                        Argument.of("vpc_ids", ArgumentType.LIST)
                                .withElements(ArgumentType.STR)
                                .withDefault(List.of()),
                        Argument.of("filters", ArgumentType.DICT).withDefault(Map.of())));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        List<String> ids = args.list("vpc_ids").stream().map(String::valueOf).toList();
        var request = DescribeVpcsRequest.builder()
                .filters(Filters.of(args.dict("filters")))
                .overrideConfiguration(aws.tag());
        if (!ids.isEmpty()) {
            request.vpcIds(ids);
        }
        List<Vpc> vpcs = aws.call(
                "ec2",
                "DescribeVpcs",
                "Unable to describe VPCs " + PythonRepr.repr(ids),
                () -> aws.ec2().describeVpcs(request.build()).vpcs());
        List<String> warnings = new ArrayList<>();
        List<Map<String, Object>> info = new ArrayList<>();
        for (Vpc vpc : vpcs) {
            Map<String, Object> camel = new LinkedHashMap<>(Boto3Shapes.of(vpc));
            camel.put("ClassicLinkEnabled", false);
            camel.put("ClassicLinkDnsSupported", false);
            attribute(aws, vpc.vpcId(), VpcAttributeName.ENABLE_DNS_SUPPORT, warnings)
                    .ifPresent(value -> camel.put("EnableDnsSupport", value));
            attribute(aws, vpc.vpcId(), VpcAttributeName.ENABLE_DNS_HOSTNAMES, warnings)
                    .ifPresent(value -> camel.put("EnableDnsHostnames", value));
            camel.put("id", vpc.vpcId());
            Map<String, Object> snake = new LinkedHashMap<>(SnakeCase.dict(camel));
            snake.put("tags", SecurityGroupResult.tags(vpc.tags()));
            info.add(snake);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("vpcs", info);
        return ModuleResult.ok(values).withWarnings(warnings);
    }

    private static java.util.Optional<Boolean> attribute(
            AwsSession aws, String vpcId, VpcAttributeName name, List<String> warnings) {
        String error = "Unable to describe VPC attribute " + name + " on VPC " + vpcId;
        try {
            var response = aws.call(
                    "ec2",
                    "DescribeVpcAttribute",
                    error,
                    () -> aws.ec2()
                            .describeVpcAttribute(DescribeVpcAttributeRequest.builder()
                                    .vpcId(vpcId)
                                    .attribute(name)
                                    .overrideConfiguration(aws.tag())
                                    .build()));
            var value = name == VpcAttributeName.ENABLE_DNS_SUPPORT
                    ? response.enableDnsSupport()
                    : response.enableDnsHostnames();
            return java.util.Optional.ofNullable(value == null ? null : value.value());
        } catch (ModuleFailure failure) {
            // A VPC deleted between the two calls is warned about, as amazon.aws does.
            if (failure.values().get("error") instanceof Map<?, ?> code
                    && "InvalidVpcID.NotFound".equals(code.get("code"))) {
                warnings.add(error);
                return java.util.Optional.empty();
            }
            throw failure;
        }
    }
}
