package dev.rolehop.local.state;

import java.util.List;
import java.util.Objects;

/** A route table of a VPC with its routes and associations. */
public record RouteTable(
        String id, String vpcId, String ownerId, List<Route> routes, List<RouteTableAssociation> associations)
        implements Ec2Resource {

    public RouteTable {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(vpcId, "vpcId");
        routes = List.copyOf(routes);
        associations = List.copyOf(associations);
    }

    /** Whether this is its VPC's main route table. */
    public boolean main() {
        return associations.stream().anyMatch(RouteTableAssociation::main);
    }

    /** This table with other routes. */
    public RouteTable withRoutes(List<Route> newRoutes) {
        return new RouteTable(id, vpcId, ownerId, newRoutes, associations);
    }

    /** This table with one more association. */
    public RouteTable withAssociation(RouteTableAssociation added) {
        List<RouteTableAssociation> all = new java.util.ArrayList<>(associations);
        all.add(added);
        return withAssociations(all);
    }

    /** This table without the association with this id. */
    public RouteTable withoutAssociation(String associationId) {
        return withAssociations(
                associations.stream().filter(a -> !a.id().equals(associationId)).toList());
    }

    /** This table with other associations. */
    public RouteTable withAssociations(List<RouteTableAssociation> newAssociations) {
        return new RouteTable(id, vpcId, ownerId, routes, newAssociations);
    }
}
