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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * {@code ec2_security_group_info}: the security groups matching {@code filters} (underscores in
 * filter names read as dashes, except for {@code tag:} filters), as amazon.aws 5.5 returns them.
 */
public final class SecurityGroupInfoModule extends AwsModule {

    public SecurityGroupInfoModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_security_group_info",
                Set.of("ec2_security_group_info", "ec2_group_info", "amazon.aws.ec2_group_info"),
                clients,
                ArgumentSpec.of(Argument.of("filters", ArgumentType.DICT).withDefault(Map.of())));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        Map<String, Object> filters = new LinkedHashMap<>();
        args.dict("filters")
                .forEach((key, value) -> filters.put(key.startsWith("tag:") ? key : key.replace('_', '-'), value));
        List<SecurityGroup> groups =
                aws.call("ec2", "DescribeSecurityGroups", "Failed to describe security groups", () -> {
                    List<SecurityGroup> all = new ArrayList<>();
                    aws.ec2()
                            .describeSecurityGroupsPaginator(DescribeSecurityGroupsRequest.builder()
                                    .filters(Filters.of(filters))
                                    .overrideConfiguration(aws.tag())
                                    .build())
                            .forEach(page -> all.addAll(page.securityGroups()));
                    return all;
                });
        return ModuleResult.ok(Map.of(
                "security_groups", groups.stream().map(SecurityGroupResult::of).toList()));
    }
}
