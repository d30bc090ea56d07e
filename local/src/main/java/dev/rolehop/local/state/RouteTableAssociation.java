package dev.rolehop.local.state;

import java.util.Objects;

/**
 * An association of a route table: with a subnet, with a gateway (edge association), or the
 * VPC's main association (neither).
 */
public record RouteTableAssociation(String id, String subnetId, String gatewayId, boolean main) {

    public RouteTableAssociation {
        Objects.requireNonNull(id, "id");
    }
}
