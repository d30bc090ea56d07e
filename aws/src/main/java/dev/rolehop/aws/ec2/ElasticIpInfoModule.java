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
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;

/**
 * {@code ec2_eip_info}: the Elastic IP addresses matching {@code filters}, as amazon.aws 5.5
 * returns them under {@code addresses}: boto3's snake_cased fields, {@code tags} as a dict when
 * the address has any. One DescribeAddresses.
 */
public final class ElasticIpInfoModule extends AwsModule {

    // botocore 1.29's Address members (later ones, like SubnetId and ServiceManaged, it drops).
    private static final List<String> MEMBERS = List.of(
            "InstanceId",
            "PublicIp",
            "AllocationId",
            "AssociationId",
            "Domain",
            "NetworkInterfaceId",
            "NetworkInterfaceOwnerId",
            "PrivateIpAddress",
            "Tags",
            "PublicIpv4Pool",
            "NetworkBorderGroup",
            "CustomerOwnedIp",
            "CustomerOwnedIpv4Pool",
            "CarrierIp");

    public ElasticIpInfoModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_eip_info",
                Set.of("ec2_eip_info", "community.aws.ec2_eip_info"),
                clients,
                ArgumentSpec.of(Argument.of("filters", ArgumentType.DICT).withDefault(Map.of())));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        var request = DescribeAddressesRequest.builder()
                .filters(Filters.of(args.dict("filters")))
                .overrideConfiguration(aws.tag())
                .build();
        List<Address> addresses = aws.call(
                "ec2",
                "DescribeAddresses",
                "Error retrieving EIPs",
                () -> aws.ec2().describeAddresses(request).addresses());
        return ModuleResult.ok(Map.of(
                "addresses", addresses.stream().map(ElasticIpInfoModule::info).toList()));
    }

    private static Map<String, Object> info(Address address) {
        Map<String, Object> result = new LinkedHashMap<>(SnakeCase.dict(Boto3Shapes.of(address, MEMBERS)));
        if (address.hasTags()) {
            result.put("tags", SecurityGroupResult.tags(address.tags()));
        }
        return result;
    }
}
