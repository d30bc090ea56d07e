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
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * {@code aws_region_info} (community.aws 5.5's): the regions enabled for the account matching
 * {@code filters} (underscores in filter names read as dashes). One DescribeRegions.
 */
public final class RegionInfoModule extends AwsModule {

    // botocore 1.29's Region members (later ones, like Geography, it drops).
    private static final List<String> MEMBERS = List.of("Endpoint", "RegionName", "OptInStatus");

    public RegionInfoModule(AwsClients clients) {
        super(
                "community.aws.aws_region_info",
                Set.of("aws_region_info"),
                clients,
                ArgumentSpec.of(Argument.of("filters", ArgumentType.DICT).withDefault(Map.of())));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        var request = DescribeRegionsRequest.builder()
                .filters(Filters.of(Filters.dashed(args.dict("filters"))))
                .overrideConfiguration(aws.tag())
                .build();
        List<Region> regions = aws.call(
                "ec2",
                "DescribeRegions",
                "Unable to describe regions.",
                () -> aws.ec2().describeRegions(request).regions());
        return ModuleResult.ok(Map.of(
                "regions",
                regions.stream()
                        .map(region -> SnakeCase.dict(Boto3Shapes.of(region, MEMBERS)))
                        .toList()));
    }
}
