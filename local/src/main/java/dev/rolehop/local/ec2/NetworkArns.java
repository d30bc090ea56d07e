package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The resource ARNs IAM evaluates for EC2's networking actions, as the service authorization
 * reference lists them: the created type as {@code TYPE/*}, resources named by the request by id.
 * A resource the request names only through an association id is evaluated as {@code TYPE/*}.
 */
final class NetworkArns {

    /** A resource type of an action and the request parameter holding its id (null: {@code *}). */
    private record Target(String type, String param) {}

    private static final Map<String, List<Target>> ACTIONS = Map.ofEntries(
            Map.entry("CreateVpc", List.of(new Target("vpc", null))),
            Map.entry("DeleteVpc", List.of(new Target("vpc", "VpcId"))),
            Map.entry("ModifyVpcAttribute", List.of(new Target("vpc", "VpcId"))),
            Map.entry("AssociateVpcCidrBlock", List.of(new Target("vpc", "VpcId"))),
            Map.entry("DisassociateVpcCidrBlock", List.of(new Target("vpc", null))),
            Map.entry("CreateDhcpOptions", List.of(new Target("dhcp-options", null))),
            Map.entry("DeleteDhcpOptions", List.of(new Target("dhcp-options", "DhcpOptionsId"))),
            Map.entry(
                    "AssociateDhcpOptions",
                    List.of(new Target("dhcp-options", "DhcpOptionsId"), new Target("vpc", "VpcId"))),
            Map.entry("CreateSubnet", List.of(new Target("subnet", null), new Target("vpc", "VpcId"))),
            Map.entry("DeleteSubnet", List.of(new Target("subnet", "SubnetId"))),
            Map.entry("ModifySubnetAttribute", List.of(new Target("subnet", "SubnetId"))),
            Map.entry("AssociateSubnetCidrBlock", List.of(new Target("subnet", "SubnetId"))),
            Map.entry("DisassociateSubnetCidrBlock", List.of(new Target("subnet", null))),
            Map.entry("CreateInternetGateway", List.of(new Target("internet-gateway", null))),
            Map.entry("DeleteInternetGateway", List.of(new Target("internet-gateway", "InternetGatewayId"))),
            Map.entry(
                    "AttachInternetGateway",
                    List.of(new Target("internet-gateway", "InternetGatewayId"), new Target("vpc", "VpcId"))),
            Map.entry(
                    "DetachInternetGateway",
                    List.of(new Target("internet-gateway", "InternetGatewayId"), new Target("vpc", "VpcId"))),
            Map.entry("CreateRouteTable", List.of(new Target("route-table", null), new Target("vpc", "VpcId"))),
            Map.entry("DeleteRouteTable", List.of(new Target("route-table", "RouteTableId"))),
            Map.entry("CreateRoute", List.of(new Target("route-table", "RouteTableId"))),
            Map.entry("ReplaceRoute", List.of(new Target("route-table", "RouteTableId"))),
            Map.entry("DeleteRoute", List.of(new Target("route-table", "RouteTableId"))),
            Map.entry(
                    "AssociateRouteTable",
                    List.of(
                            new Target("route-table", "RouteTableId"),
                            new Target("subnet", "SubnetId"),
                            new Target("internet-gateway", "GatewayId"))),
            Map.entry("DisassociateRouteTable", List.of(new Target("route-table", null))),
            Map.entry("ReplaceRouteTableAssociation", List.of(new Target("route-table", "RouteTableId"))),
            Map.entry("AllocateAddress", List.of(new Target("elastic-ip", null))),
            Map.entry(
                    "AssociateAddress",
                    List.of(
                            new Target("elastic-ip", "AllocationId"),
                            new Target("instance", "InstanceId"),
                            new Target("network-interface", "NetworkInterfaceId"))),
            Map.entry("DisassociateAddress", List.of(new Target("elastic-ip", null))),
            Map.entry("ReleaseAddress", List.of(new Target("elastic-ip", "AllocationId"))),
            Map.entry(
                    "CreateNetworkInterface",
                    List.of(new Target("network-interface", null), new Target("subnet", "SubnetId"))),
            Map.entry("DeleteNetworkInterface", List.of(new Target("network-interface", "NetworkInterfaceId"))),
            Map.entry(
                    "AttachNetworkInterface",
                    List.of(
                            new Target("network-interface", "NetworkInterfaceId"),
                            new Target("instance", "InstanceId"))),
            Map.entry("DetachNetworkInterface", List.of(new Target("network-interface", null))),
            Map.entry(
                    "ModifyNetworkInterfaceAttribute", List.of(new Target("network-interface", "NetworkInterfaceId"))),
            Map.entry("AssignPrivateIpAddresses", List.of(new Target("network-interface", "NetworkInterfaceId"))),
            Map.entry("UnassignPrivateIpAddresses", List.of(new Target("network-interface", "NetworkInterfaceId"))),
            Map.entry(
                    "CreateNatGateway",
                    List.of(
                            new Target("natgateway", null),
                            new Target("subnet", "SubnetId"),
                            new Target("elastic-ip", "AllocationId"))),
            Map.entry("DeleteNatGateway", List.of(new Target("natgateway", "NatGatewayId"))));

    private NetworkArns() {}

    /** The ARNs an action touches, or empty when it is not a networking action. */
    static Optional<List<String>> of(ServiceCall call) {
        List<Target> targets = ACTIONS.get(call.action());
        if (targets == null) {
            return Optional.empty();
        }
        String prefix = "arn:aws:ec2:" + call.region() + ":" + call.caller().accountId() + ":";
        return Optional.of(targets.stream()
                // An id the request leaves out (the subnet or gateway of AssociateRouteTable) is no resource.
                .filter(t -> t.param() == null || call.params().get(t.param()).isPresent())
                .map(t -> prefix + t.type() + "/"
                        + (t.param() == null ? "*" : call.params().required(t.param())))
                .toList());
    }
}
