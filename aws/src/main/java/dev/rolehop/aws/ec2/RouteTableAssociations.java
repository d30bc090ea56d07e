package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.python.PythonRepr;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * The subnet and gateway associations of {@code ec2_vpc_route_table}, as amazon.aws's
 * {@code find_subnets}, {@code ensure_subnet_associations}, {@code associate_gateway} and
 * {@code disassociate_gateway}. Fewer calls: a subnet or gateway already associated with the
 * table is known from the table itself, without asking which table holds it.
 */
final class RouteTableAssociations {

    private static final Pattern CIDR = Pattern.compile("^(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}$");
    private static final Pattern SUBNET_ID = Pattern.compile("^subnet-[A-z0-9]+$");
    private static final Set<String> HELD = Set.of("associated", "associating");

    private final AwsSession aws;
    private final ModuleContext context;

    RouteTableAssociations(AwsSession aws, ModuleContext context) {
        this.aws = aws;
        this.context = context;
    }

    /** The subnets named by id, CIDR or Name tag, in that order, as {@code find_subnets}. */
    List<Subnet> subnets(String vpcId, List<String> named) {
        List<String> ids = new ArrayList<>();
        List<String> cidrs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String subnet : named) {
            (SUBNET_ID.matcher(subnet).find() ? ids : CIDR.matcher(subnet).find() ? cidrs : names).add(subnet);
        }
        List<Subnet> found = new ArrayList<>();
        Filter vpc = Filters.one("vpc-id", vpcId);
        if (!ids.isEmpty()) {
            found.addAll(describe(ids, List.of(vpc), "Couldn't find subnet with id " + PythonRepr.repr(ids)));
        }
        if (!cidrs.isEmpty()) {
            found.addAll(describe(
                    List.of(),
                    List.of(vpc, Filters.one("cidr", cidrs.toArray(String[]::new))),
                    "Couldn't find subnet with cidr " + PythonRepr.repr(cidrs)));
        }
        if (!names.isEmpty()) {
            List<Subnet> byName = describe(
                    List.of(),
                    List.of(vpc, Filters.one("tag:Name", names.toArray(String[]::new))),
                    "Couldn't find subnet with names " + PythonRepr.repr(names));
            for (String name : names) {
                long count = byName.stream()
                        .flatMap(s -> s.tags().stream())
                        .filter(t -> t.key().equals("Name") && t.value().equals(name))
                        .count();
                if (count == 0) {
                    throw new ModuleFailure("Subnet named \"" + name + "\" does not exist");
                }
                if (count > 1) {
                    throw new ModuleFailure("Multiple subnets named \"" + name + "\"");
                }
            }
            found.addAll(byName);
        }
        return found;
    }

    private List<Subnet> describe(List<String> ids, List<Filter> filters, String error) {
        var request = DescribeSubnetsRequest.builder().filters(filters).overrideConfiguration(aws.tag());
        if (!ids.isEmpty()) {
            request.subnetIds(ids);
        }
        return aws.call("ec2", "DescribeSubnets", error, () -> {
            List<Subnet> all = new ArrayList<>();
            aws.ec2().describeSubnetsPaginator(request.build()).subnets().forEach(all::add);
            return all;
        });
    }

    /**
     * Associates the subnets with the table (moving them from the table that has them) and, when
     * purging, disassociates its other subnets: true when something changes.
     */
    boolean ensureSubnets(RouteTable table, List<Subnet> subnets, boolean purge) {
        List<String> kept = new ArrayList<>();
        boolean changed = false;
        for (Subnet subnet : subnets) {
            String own = table.associations().stream()
                    .filter(a ->
                            !Boolean.TRUE.equals(a.main()) && subnet.subnetId().equals(a.subnetId()))
                    .map(RouteTableAssociation::routeTableAssociationId)
                    .findFirst()
                    .orElse(null);
            if (own != null) {
                kept.add(own);
                continue;
            }
            changed = true;
            if (context.checkMode()) {
                return true;
            }
            moveSubnet(table, subnet.subnetId());
        }
        if (purge) {
            for (RouteTableAssociation association : table.associations()) {
                if (!Boolean.TRUE.equals(association.main())
                        && association.subnetId() != null
                        && !kept.contains(association.routeTableAssociationId())) {
                    changed = true;
                    if (!context.checkMode()) {
                        disassociate(
                                association.routeTableAssociationId(), "Couldn't disassociate subnet from route table");
                    }
                }
            }
        }
        return changed;
    }

    private void moveSubnet(RouteTable table, String subnetId) {
        var holders = RouteTables.describe(
                aws,
                List.of(),
                List.of(Filters.one("association.subnet-id", subnetId), Filters.one("vpc-id", table.vpcId())),
                "Couldn't get route tables");
        for (RouteTable other : holders == null ? List.<RouteTable>of() : holders) {
            for (RouteTableAssociation association : other.associations()) {
                if (!Boolean.TRUE.equals(association.main()) && subnetId.equals(association.subnetId())) {
                    disassociate(
                            association.routeTableAssociationId(), "Couldn't disassociate subnet from route table");
                }
            }
        }
        aws.call(
                "ec2",
                "AssociateRouteTable",
                "Couldn't associate subnet with route table",
                () -> aws.ec2()
                        .associateRouteTable(AssociateRouteTableRequest.builder()
                                .routeTableId(table.routeTableId())
                                .subnetId(subnetId)
                                .overrideConfiguration(aws.tag())
                                .build()));
    }

    /** Associates a gateway with the table, moving it from another table, as {@code associate_gateway}. */
    boolean associateGateway(RouteTable table, String gatewayId) {
        if (table.associations().stream().anyMatch(a -> holds(a, gatewayId))) {
            return false;
        }
        var holders = RouteTables.describe(
                aws,
                List.of(),
                List.of(Filters.one("association.gateway-id", gatewayId), Filters.one("vpc-id", table.vpcId())),
                "Couldn't get route tables");
        for (RouteTable other : holders == null ? List.<RouteTable>of() : holders) {
            for (RouteTableAssociation association : other.associations()) {
                if (holds(association, gatewayId)) {
                    if (context.checkMode()) {
                        return true;
                    }
                    disassociate(
                            association.routeTableAssociationId(), "Couldn't disassociate gateway from route table");
                }
            }
        }
        if (!context.checkMode()) {
            aws.call(
                    "ec2",
                    "AssociateRouteTable",
                    "Couldn't associate gateway with route table",
                    () -> aws.ec2()
                            .associateRouteTable(AssociateRouteTableRequest.builder()
                                    .routeTableId(table.routeTableId())
                                    .gatewayId(gatewayId)
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
        return true;
    }

    /** Disassociates every gateway from the table, as {@code disassociate_gateway}. */
    boolean disassociateGateways(RouteTable table) {
        boolean changed = false;
        for (RouteTableAssociation association : table.associations()) {
            if (!Boolean.TRUE.equals(association.main())
                    && association.gatewayId() != null
                    && HELD.contains(association.associationState().stateAsString())) {
                changed = true;
                if (!context.checkMode()) {
                    disassociate(
                            association.routeTableAssociationId(), "Couldn't disassociate gateway from route table");
                }
            }
        }
        return changed;
    }

    private static boolean holds(RouteTableAssociation association, String gatewayId) {
        return !Boolean.TRUE.equals(association.main())
                && Objects.equals(association.gatewayId(), gatewayId)
                && association.associationState() != null
                && HELD.contains(association.associationState().stateAsString());
    }

    private void disassociate(String associationId, String error) {
        aws.call(
                "ec2",
                "DisassociateRouteTable",
                error,
                () -> aws.ec2()
                        .disassociateRouteTable(DisassociateRouteTableRequest.builder()
                                .associationId(associationId)
                                .overrideConfiguration(aws.tag())
                                .build()));
    }
}
