package dev.rolehop.local.state;

import java.util.Objects;

/**
 * One route of a route table.
 *
 * @param destination an IPv4 or IPv6 CIDR block, or a prefix list id ({@code pl-...})
 * @param targetType the EC2 element naming the target: {@code gatewayId}, {@code natGatewayId},
 *     {@code instanceId}, {@code networkInterfaceId}, {@code vpcPeeringConnectionId},
 *     {@code transitGatewayId}, {@code egressOnlyInternetGatewayId}, ...
 * @param targetId the target's id ({@code local} for a VPC's own blocks)
 * @param origin {@code CreateRouteTable} (local routes) or {@code CreateRoute}
 */
public record Route(String destination, String targetType, String targetId, String origin) {

    public Route {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(origin, "origin");
    }

    /** Whether the route is a VPC's own route to one of its blocks. */
    public boolean local() {
        return targetId.equals("local");
    }
}
