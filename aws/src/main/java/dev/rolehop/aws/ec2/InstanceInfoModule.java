package dev.rolehop.aws.ec2;

import dev.rolehop.aws.AwsModule;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.aws.client.Boto3Shapes;
import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Instance;

/**
 * {@code ec2_instance_info}: the instances matching {@code instance_ids} or {@code filters}
 * (and launched at least {@code minimum_uptime} minutes ago), as amazon.aws 5.5 returns them.
 */
public final class InstanceInfoModule extends AwsModule {

    public InstanceInfoModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_instance_info",
                Set.of("ec2_instance_info"),
                clients,
                ArgumentSpec.of(
                                Argument.of("minimum_uptime", ArgumentType.INT).withAliases("uptime"),
                                Argument.of("instance_ids", ArgumentType.LIST)
                                        .withElements(ArgumentType.STR)
                                        .withDefault(List.of()),
                                Argument.of("filters", ArgumentType.DICT).withDefault(Map.of()))
                        .mutuallyExclusive("instance_ids", "filters"));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        var request = DescribeInstancesRequest.builder()
                .filters(Filters.of(args.dict("filters")))
                .overrideConfiguration(aws.tag());
        if (!args.list("instance_ids").isEmpty()) {
            request.instanceIds(
                    args.list("instance_ids").stream().map(String::valueOf).toList());
        }
        List<Instance> instances = aws.call("ec2", "DescribeInstances", "Failed to list ec2 instances", () -> {
            List<Instance> all = new ArrayList<>();
            aws.ec2()
                    .describeInstancesPaginator(request.build())
                    .forEach(page -> page.reservations().forEach(r -> all.addAll(r.instances())));
            return all;
        });
        Instant oldestLaunch = args.integer("minimum_uptime")
                .filter(m -> m > 0)
                .map(minutes -> Instant.now().minus(Duration.ofMinutes(minutes)))
                .orElse(null);
        List<Map<String, Object>> snaked = new ArrayList<>();
        for (Instance instance : instances) {
            if (oldestLaunch != null && !instance.launchTime().isBefore(oldestLaunch)) {
                continue;
            }
            Map<String, Object> snake = new LinkedHashMap<>(Boto3Shapes.snake(instance));
            snake.put("tags", SecurityGroupResult.tags(instance.tags()));
            snaked.add(snake);
        }
        return ModuleResult.ok(Map.of("instances", snaked));
    }
}
