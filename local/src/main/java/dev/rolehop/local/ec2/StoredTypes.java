package dev.rolehop.local.ec2;

import dev.rolehop.local.state.DhcpOptions;
import dev.rolehop.local.state.Ec2Resource;
import dev.rolehop.local.state.ElasticIp;
import dev.rolehop.local.state.Instance;
import dev.rolehop.local.state.InternetGateway;
import dev.rolehop.local.state.KeyPair;
import dev.rolehop.local.state.NatGateway;
import dev.rolehop.local.state.NetworkAcl;
import dev.rolehop.local.state.NetworkInterface;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.RouteTable;
import dev.rolehop.local.state.Subnet;
import dev.rolehop.local.state.Vpc;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The EC2 resource types (as DescribeTags names them) of stored resources, and their not-found errors. */
final class StoredTypes {

    private static final Map<Class<? extends Ec2Resource>, String> TYPES = Map.ofEntries(
            Map.entry(Vpc.class, "vpc"),
            Map.entry(Subnet.class, "subnet"),
            Map.entry(InternetGateway.class, "internet-gateway"),
            Map.entry(RouteTable.class, "route-table"),
            Map.entry(DhcpOptions.class, "dhcp-options"),
            Map.entry(NetworkAcl.class, "network-acl"),
            Map.entry(KeyPair.class, "key-pair"),
            Map.entry(Instance.class, "instance"),
            Map.entry(ElasticIp.class, "elastic-ip"),
            Map.entry(NetworkInterface.class, "network-interface"),
            Map.entry(NatGateway.class, "natgateway"));

    private StoredTypes() {}

    /** The resource type of a stored resource with this id, if there is one. */
    static Optional<String> of(RegionState r, String id) {
        return TYPES.entrySet().stream()
                .filter(e -> r.resource(e.getKey(), id).isPresent())
                .map(Map.Entry::getValue)
                .findFirst();
    }

    /** AWS's not-found error for an id of a stored type that does not exist, by its prefix. */
    static Optional<AwsException> notFound(String id) {
        String prefix = id.contains("-") ? id.substring(0, id.indexOf('-') + 1) : id;
        return Optional.ofNullable(
                switch (prefix) {
                    case "vpc-" -> Vpcs.notFound(id);
                    case "subnet-" -> Subnets.notFound(id);
                    case "igw-" -> InternetGateways.notFound(id);
                    case "rtb-" -> RouteTables.notFound(id);
                    case "dopt-" -> Ec2Errors.notFound(AwsErrorCode.INVALID_DHCP_OPTION_ID_NOT_FOUND, "dhcpOption", id);
                    case "i-" -> Instances.notFound(List.of(id));
                    case "eipalloc-" -> ElasticIps.notFound(id);
                    case "nat-" -> NatGateways.notFound(id);
                    case "key-" ->
                        AwsErrorCode.INVALID_KEY_PAIR_ID_NOT_FOUND.error("The key pair ID '" + id + "' does not exist");
                    default -> null;
                });
    }
}
