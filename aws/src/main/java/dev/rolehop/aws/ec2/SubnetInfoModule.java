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
import dev.rolehop.engine.module.ModuleResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * {@code ec2_vpc_subnet_info}: the subnets matching {@code subnet_ids} and {@code filters} (names
 * as given), as amazon.aws 5.5 returns them: boto3's snake_cased fields, {@code id} and
 * {@code tags} as a dict. One DescribeSubnets.
 */
public final class SubnetInfoModule extends AwsModule {

    // botocore 1.29's Subnet members (later ones, like BlockPublicAccessStates, it drops).
    private static final List<String> MEMBERS = List.of(
            "AvailabilityZone",
            "AvailabilityZoneId",
            "AvailableIpAddressCount",
            "CidrBlock",
            "DefaultForAz",
            "EnableLniAtDeviceIndex",
            "MapPublicIpOnLaunch",
            "MapCustomerOwnedIpOnLaunch",
            "CustomerOwnedIpv4Pool",
            "State",
            "SubnetId",
            "VpcId",
            "OwnerId",
            "AssignIpv6AddressOnCreation",
            "Ipv6CidrBlockAssociationSet",
            "Tags",
            "SubnetArn",
            "OutpostArn",
            "EnableDns64",
            "Ipv6Native",
            "PrivateDnsNameOptionsOnLaunch");

    public SubnetInfoModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_vpc_subnet_info",
                Set.of("ec2_vpc_subnet_info"),
                clients,
                ArgumentSpec.of(
                        Argument.of("subnet_ids", ArgumentType.LIST)
                                .withElements(ArgumentType.STR)
                                .withDefault(List.of())
                                .withAliases("subnet_id"),
                        Argument.of("filters", ArgumentType.DICT).withDefault(Map.of())));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        var request = DescribeSubnetsRequest.builder()
                .subnetIds(args.list("subnet_ids").stream().map(String::valueOf).toList())
                .filters(Filters.of(args.dict("filters")))
                .overrideConfiguration(aws.tag())
                .build();
        List<Subnet> subnets = aws.call(
                "ec2",
                "DescribeSubnets",
                "Failed to describe subnets",
                () -> aws.ec2().describeSubnets(request).subnets());
        return ModuleResult.ok(
                Map.of("subnets", subnets.stream().map(SubnetInfoModule::info).toList()));
    }

    /** A subnet as amazon.aws's subnet modules return it. */
    static Map<String, Object> info(Subnet subnet) {
        Map<String, Object> camel = Boto3Shapes.of(subnet, MEMBERS);
        camel.put("id", subnet.subnetId());
        Map<String, Object> snake = new LinkedHashMap<>(SnakeCase.dict(camel));
        snake.put("tags", SecurityGroupResult.tags(subnet.tags()));
        return snake;
    }
}
