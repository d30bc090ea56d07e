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
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

/**
 * {@code ec2_eni_info}: the network interfaces with {@code eni_id} or matching {@code filters},
 * as amazon.aws 5.5 returns them under {@code network_interfaces}: boto3's snake_cased fields,
 * {@code tag_set} and {@code tags} both as a dict, {@code name} from the Name tag and {@code id}.
 * One DescribeNetworkInterfaces; an unknown id lists none.
 */
public final class NetworkInterfaceInfoModule extends AwsModule {

    // botocore 1.29's NetworkInterface members (later ones it drops).
    private static final List<String> MEMBERS = List.of(
            "Association",
            "Attachment",
            "AvailabilityZone",
            "Description",
            "Groups",
            "InterfaceType",
            "Ipv6Addresses",
            "MacAddress",
            "NetworkInterfaceId",
            "OutpostArn",
            "OwnerId",
            "PrivateDnsName",
            "PrivateIpAddress",
            "PrivateIpAddresses",
            "Ipv4Prefixes",
            "Ipv6Prefixes",
            "RequesterId",
            "RequesterManaged",
            "SourceDestCheck",
            "Status",
            "SubnetId",
            "TagSet",
            "VpcId",
            "DenyAllIgwTraffic",
            "Ipv6Native",
            "Ipv6Address");

    public NetworkInterfaceInfoModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_eni_info",
                Set.of("ec2_eni_info"),
                clients,
                ArgumentSpec.of(Argument.of("eni_id", ArgumentType.STR), Argument.of("filters", ArgumentType.DICT))
                        .mutuallyExclusive("eni_id", "filters"));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        var request = DescribeNetworkInterfacesRequest.builder().overrideConfiguration(aws.tag());
        String id = args.string("eni_id").orElse(null);
        if (id != null && !id.isEmpty()) {
            request.networkInterfaceIds(id);
        } else if (args.has("filters") && !args.dict("filters").isEmpty()) {
            request.filters(Filters.of(args.dict("filters")));
        }
        List<NetworkInterface> interfaces;
        try {
            interfaces = aws.call(
                    "ec2",
                    "DescribeNetworkInterfaces",
                    null,
                    () -> aws.ec2().describeNetworkInterfaces(request.build()).networkInterfaces());
        } catch (ModuleFailure failure) {
            if (FailureCodes.of(failure).equals("InvalidNetworkInterfaceID.NotFound")) {
                return ModuleResult.ok(Map.of("network_interfaces", List.of()));
            }
            throw failure;
        }
        return ModuleResult.ok(Map.of(
                "network_interfaces",
                interfaces.stream().map(NetworkInterfaceInfoModule::info).toList()));
    }

    private static Map<String, Object> info(NetworkInterface eni) {
        Map<String, Object> camel = Boto3Shapes.of(eni, MEMBERS);
        Map<String, String> tags = SecurityGroupResult.tags(eni.tagSet());
        camel.put("TagSet", tags);
        camel.put("Tags", tags);
        if (tags.containsKey("Name")) {
            camel.put("Name", tags.get("Name"));
        }
        camel.put("Id", eni.networkInterfaceId());
        return SnakeCase.dict(camel, List.of("Tags", "TagSet"));
    }
}
