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
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;

/**
 * {@code aws_az_info}: the region's availability zones matching {@code filters} (underscores in
 * filter names read as dashes), as amazon.aws 5.5 returns them. One DescribeAvailabilityZones.
 */
public final class AvailabilityZoneInfoModule extends AwsModule {

    // botocore 1.29's AvailabilityZone members (later ones, like GroupLongName, it drops).
    private static final List<String> MEMBERS = List.of(
            "State",
            "OptInStatus",
            "Messages",
            "RegionName",
            "ZoneName",
            "ZoneId",
            "GroupName",
            "NetworkBorderGroup",
            "ZoneType",
            "ParentZoneName",
            "ParentZoneId");

    public AvailabilityZoneInfoModule(AwsClients clients) {
        super(
                "amazon.aws.aws_az_info",
                Set.of("aws_az_info"),
                clients,
                ArgumentSpec.of(Argument.of("filters", ArgumentType.DICT).withDefault(Map.of())));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        var request = DescribeAvailabilityZonesRequest.builder()
                .filters(Filters.of(Filters.dashed(args.dict("filters"))))
                .overrideConfiguration(aws.tag())
                .build();
        List<AvailabilityZone> zones = aws.call(
                "ec2",
                "DescribeAvailabilityZones",
                "Unable to describe availability zones.",
                () -> aws.ec2().describeAvailabilityZones(request).availabilityZones());
        return ModuleResult.ok(Map.of(
                "availability_zones",
                zones.stream()
                        .map(zone -> SnakeCase.dict(Boto3Shapes.of(zone, MEMBERS)))
                        .toList()));
    }
}
