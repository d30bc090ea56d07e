package dev.rolehop.aws.ec2;

import dev.rolehop.aws.AwsModule;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.EnableVgwRoutePropagationRequest;
import software.amazon.awssdk.services.ec2.model.PropagatingVgw;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;

/**
 * {@code ec2_vpc_route_table}: makes a route table present (found by its tags or id; created,
 * given its routes, route propagation, tags, subnets and gateway) or absent, as amazon.aws 5.5
 * does, returning {@code route_table}. Fewer calls: tables found by tags are matched on the tags
 * their description carries (amazon.aws asks for each table's tags); a new table is tagged as it is
 * created; associations the table already has are not looked up again; the table is described
 * again only after a change; nothing sleeps.
 */
public final class RouteTableModule extends AwsModule {

    public RouteTableModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_vpc_route_table",
                Set.of("ec2_vpc_route_table", "community.aws.ec2_vpc_route_table"),
                clients,
                ArgumentSpec.of(
                                Argument.of("gateway_id", ArgumentType.STR),
                                Argument.of("lookup", ArgumentType.STR)
                                        .withDefault("tag")
                                        .withChoices("tag", "id"),
                                Argument.of("propagating_vgw_ids", ArgumentType.LIST)
                                        .withElements(ArgumentType.STR),
                                Argument.of("purge_routes", ArgumentType.BOOL).withDefault(true),
                                Argument.of("purge_subnets", ArgumentType.BOOL).withDefault(true),
                                Argument.of("purge_tags", ArgumentType.BOOL).withDefault(true),
                                Argument.of("route_table_id", ArgumentType.STR),
                                Argument.of("routes", ArgumentType.LIST)
                                        .withElements(ArgumentType.DICT)
                                        .withDefault(List.of()),
                                Argument.of("state", ArgumentType.STR)
                                        .withDefault("present")
                                        .withChoices("present", "absent"),
                                Argument.of("subnets", ArgumentType.LIST).withElements(ArgumentType.STR),
                                Argument.of("tags", ArgumentType.DICT).withAliases("resource_tags"),
                                Argument.of("vpc_id", ArgumentType.STR))
                        .requiredIf("lookup", "id", "route_table_id")
                        .requiredIf("lookup", "tag", "vpc_id")
                        .requiredIf("state", "present", "vpc_id"));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        String vpcId = args.string("vpc_id").orElse(null);
        if ("absent".equals(args.string("state").orElse("present"))) {
            return absent(aws, context, args, find(aws, args, vpcId));
        }
        List<Map<String, String>> routes = RouteSpecs.of(args.list("routes"), () -> internetGateway(aws, vpcId));
        RouteTable table = find(aws, args, vpcId);
        Map<String, Object> wantedTags = args.has("tags") ? args.dict("tags") : null;
        boolean changed = false;
        if (table == null) {
            if (context.checkMode()) {
                Map<String, Object> planned = new LinkedHashMap<>();
                planned.put("id", "rtb-xxxxxxxx");
                planned.put("route_table_id", "rtb-xxxxxxxx");
                planned.put("vpc_id", vpcId);
                return ModuleResult.changed(Map.of("route_table", planned));
            }
            table = create(
                    aws,
                    vpcId,
                    wantedTags == null
                            ? Map.of()
                            : TagChanges.of(Map.of(), wantedTags, false).set());
            changed = true;
        }
        List<String> warnings = new ArrayList<>();
        changed |= RouteSpecs.ensure(aws, context, table, routes, flag(args, "purge_routes"), warnings::add);
        if (args.has("propagating_vgw_ids")) {
            changed |= propagate(aws, context, table, args.list("propagating_vgw_ids"));
        }
        if (wantedTags != null) {
            Map<String, String> current = SecurityGroupResult.tags(table.tags());
            changed |= ResourceTags.ensure(
                            aws, context, table.routeTableId(), current, wantedTags, flag(args, "purge_tags"))
                    .changed();
        }
        var associations = new RouteTableAssociations(aws, context);
        if (args.has("subnets")) {
            var subnets = associations.subnets(
                    vpcId, args.list("subnets").stream().map(String::valueOf).toList());
            changed |= associations.ensureSubnets(table, subnets, flag(args, "purge_subnets"));
        }
        String gatewayId = args.string("gateway_id").orElse(null);
        if ("None".equals(gatewayId) || "".equals(gatewayId)) {
            changed |= associations.disassociateGateways(table);
        } else if (gatewayId != null) {
            changed |= associations.associateGateway(table, gatewayId);
        }
        RouteTable after = changed && !context.checkMode() ? byId(aws, table.routeTableId()) : table;
        Map<String, Object> values = Map.of("route_table", RouteTables.result(after));
        return (changed ? ModuleResult.changed(values) : ModuleResult.ok(values)).withWarnings(warnings);
    }

    private static boolean flag(ModuleArgs args, String name) {
        return args.get(name) == null || args.bool(name);
    }

    /** The table the task means, as {@code get_route_table_by_tags} / {@code get_route_table_by_id}; {@code null}: none. */
    private static RouteTable find(AwsSession aws, ModuleArgs args, String vpcId) {
        if ("id".equals(args.string("lookup").orElse("tag"))) {
            return byId(aws, args.string("route_table_id").orElseThrow());
        }
        if (!args.has("tags")) {
            return null;
        }
        Map<String, Object> tags = args.dict("tags");
        var tables =
                RouteTables.describe(aws, List.of(), List.of(Filters.one("vpc-id", vpcId)), "Couldn't get route table");
        List<RouteTable> matching = (tables == null ? List.<RouteTable>of() : tables)
                .stream()
                        .filter(table -> {
                            Map<String, String> own = SecurityGroupResult.tags(table.tags());
                            // Python's ==: a tag value given as a number or a bool never equals AWS's text.
                            return tags.entrySet().stream()
                                    .allMatch(e ->
                                            e.getValue() instanceof String value && value.equals(own.get(e.getKey())));
                        })
                        .toList();
        if (matching.size() > 1) {
            throw new ModuleFailure("Tags provided do not identify a unique route table");
        }
        return matching.isEmpty() ? null : matching.get(0);
    }

    private static RouteTable byId(AwsSession aws, String id) {
        var tables = RouteTables.describe(aws, List.of(id), List.of(), "Couldn't get route table");
        return tables == null || tables.isEmpty() ? null : tables.get(0);
    }

    /** The VPC's internet gateway, for a route whose {@code gateway_id} is {@code igw}, as {@code find_igw}. */
    private static String internetGateway(AwsSession aws, String vpcId) {
        var request = DescribeInternetGatewaysRequest.builder()
                .filters(Filters.one("attachment.vpc-id", vpcId))
                .overrideConfiguration(aws.tag())
                .build();
        List<String> ids = aws.call("ec2", "DescribeInternetGateways", "No IGW found for VPC " + vpcId, () -> {
            List<String> all = new ArrayList<>();
            aws.ec2()
                    .describeInternetGatewaysPaginator(request)
                    .internetGateways()
                    .forEach(igw -> all.add(igw.internetGatewayId()));
            return all;
        });
        if (ids.size() != 1) {
            throw new ModuleFailure(
                    (ids.isEmpty() ? "No IGWs found for VPC " : "Multiple IGWs found for VPC ") + vpcId);
        }
        return ids.get(0);
    }

    private static RouteTable create(AwsSession aws, String vpcId, Map<String, String> tags) {
        var request = CreateRouteTableRequest.builder().vpcId(vpcId).overrideConfiguration(aws.tag());
        if (!tags.isEmpty()) {
            request.tagSpecifications(ResourceTags.specification(ResourceType.ROUTE_TABLE, tags));
        }
        return aws.call(
                "ec2",
                "CreateRouteTable",
                "Error creating route table",
                () -> aws.ec2().createRouteTable(request.build()).routeTable());
    }

    /** Route propagation from the gateways the table does not propagate yet, as {@code ensure_propagation}. */
    private static boolean propagate(AwsSession aws, ModuleContext context, RouteTable table, List<Object> gatewayIds) {
        List<String> current =
                table.propagatingVgws().stream().map(PropagatingVgw::gatewayId).toList();
        List<String> add = gatewayIds.stream()
                .map(String::valueOf)
                .distinct()
                .filter(id -> !current.contains(id))
                .toList();
        if (!context.checkMode()) {
            for (String gatewayId : add) {
                aws.call(
                        "ec2",
                        "EnableVgwRoutePropagation",
                        "Couldn't enable route propagation",
                        () -> aws.ec2()
                                .enableVgwRoutePropagation(EnableVgwRoutePropagationRequest.builder()
                                        .routeTableId(table.routeTableId())
                                        .gatewayId(gatewayId)
                                        .overrideConfiguration(aws.tag())
                                        .build()));
            }
        }
        return !add.isEmpty();
    }

    private static ModuleResult absent(AwsSession aws, ModuleContext context, ModuleArgs args, RouteTable table) {
        if (table == null) {
            return ModuleResult.ok(Map.of());
        }
        if (!context.checkMode()) {
            var associations = new RouteTableAssociations(aws, context);
            associations.ensureSubnets(table, List.of(), flag(args, "purge_subnets"));
            associations.disassociateGateways(table);
            aws.call(
                    "ec2",
                    "DeleteRouteTable",
                    "Error deleting route table",
                    () -> aws.ec2()
                            .deleteRouteTable(DeleteRouteTableRequest.builder()
                                    .routeTableId(table.routeTableId())
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
        return ModuleResult.changed(Map.of());
    }
}
