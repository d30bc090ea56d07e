package dev.rolehop.aws.ec2;

import dev.rolehop.aws.AwsModule;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleResult;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ec2_vpc_route_table_info}: the route tables matching {@code filters}, as amazon.aws 5.5
 * returns them (boto3's fields snake_cased with boto v2's names beside them). One paginated
 * DescribeRouteTables.
 */
public final class RouteTableInfoModule extends AwsModule {

    public RouteTableInfoModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_vpc_route_table_info",
                Set.of("ec2_vpc_route_table_info", "community.aws.ec2_vpc_route_table_info"),
                clients,
                ArgumentSpec.of(Argument.of("filters", ArgumentType.DICT)));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        var tables =
                RouteTables.describe(aws, List.of(), Filters.of(args.dict("filters")), "Failed to get route tables");
        return ModuleResult.ok(
                Map.of("route_tables", tables.stream().map(RouteTables::info).toList()));
    }
}
