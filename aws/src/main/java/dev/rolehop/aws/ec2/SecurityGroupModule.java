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
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import dev.rolehop.python.PythonRepr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * {@code ec2_security_group} (also {@code ec2_group}): makes a security group present with the
 * given rules and tags, or absent, as amazon.aws 5.5 does — same arguments, decisions, messages
 * and return values — with fewer calls: one DescribeSecurityGroups finds the group, the groups
 * rules may name and the account; the resulting state is computed from what was changed rather
 * than described again; and nothing sleeps.
 */
public final class SecurityGroupModule extends AwsModule {

    /** The group id amazon.aws shows in a check-mode diff of a group not created yet. */
    static final String PLACEHOLDER_ID = "sg-xxxxxxxx";

    public SecurityGroupModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_security_group",
                Set.of("ec2_security_group", "ec2_group", "amazon.aws.ec2_group"),
                clients,
                ArgumentSpec.of(
                                Argument.of("name", ArgumentType.STR),
                                Argument.of("group_id", ArgumentType.STR),
                                Argument.of("description", ArgumentType.STR),
                                Argument.of("vpc_id", ArgumentType.STR),
                                Argument.of("rules", ArgumentType.LIST).withElements(ArgumentType.DICT),
                                Argument.of("rules_egress", ArgumentType.LIST)
                                        .withElements(ArgumentType.DICT)
                                        .withAliases("egress_rules"),
                                Argument.of("state", ArgumentType.STR)
                                        .withDefault("present")
                                        .withChoices("present", "absent"),
                                Argument.of("purge_rules", ArgumentType.BOOL).withDefault(true),
                                Argument.of("purge_rules_egress", ArgumentType.BOOL)
                                        .withDefault(true)
                                        .withAliases("purge_egress_rules"),
                                Argument.of("tags", ArgumentType.DICT).withAliases("resource_tags"),
                                Argument.of("purge_tags", ArgumentType.BOOL).withDefault(true))
                        .requiredOneOf("name", "group_id"));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        var task = SecurityGroupTask.of(args);
        List<String> warnings = new ArrayList<>();
        var groups = new SecurityGroupLookup(aws, task.vpcId());
        SecurityGroup group = groups.find(task.groupId(), task.name());

        ModuleResult result;
        if (task.absent()) {
            result = absent(aws, context, group);
        } else {
            result = new SecurityGroupPresence(aws, context.checkMode(), task, groups, warnings::add).apply(group);
            if (!context.diffMode()) {
                result = result.withDiff(null);
            }
        }
        return result.withWarnings(warnings);
    }

    private static ModuleResult absent(AwsSession aws, ModuleContext context, SecurityGroup group) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("group_id", null);
        if (group == null) {
            return withDiff(ModuleResult.ok(values), context, Map.of());
        }
        if (!context.checkMode()) {
            aws.call(
                    "ec2",
                    "DeleteSecurityGroup",
                    "Unable to delete security group '" + PythonRepr.repr(Boto3Shapes.of(group)) + "'",
                    () -> aws.ec2()
                            .deleteSecurityGroup(DeleteSecurityGroupRequest.builder()
                                    .groupId(group.groupId())
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
        return withDiff(ModuleResult.changed(values), context, SecurityGroupResult.of(group));
    }

    private static ModuleResult withDiff(ModuleResult result, ModuleContext context, Map<String, Object> before) {
        return context.diffMode() ? result.withDiff(new ModuleResult.Diff(before, Map.of())) : result;
    }

    /** The task's own arguments, checked as amazon.aws checks them. */
    record SecurityGroupTask(
            String name,
            String groupId,
            String description,
            String vpcId,
            List<Map<String, Object>> rules,
            List<Map<String, Object>> rulesEgress,
            boolean absent,
            boolean purgeRules,
            boolean purgeRulesEgress,
            Map<String, Object> tags,
            boolean purgeTags) {

        static SecurityGroupTask of(ModuleArgs args) {
            boolean absent = "absent".equals(args.string("state").orElse("present"));
            if (!absent && !args.has("name")) {
                throw new ModuleFailure("state is present but all of the following are missing: name");
            }
            if (!absent && args.string("description").filter(d -> !d.isEmpty()).isEmpty()) {
                throw new ModuleFailure("Must provide description when state is present.");
            }
            return new SecurityGroupTask(
                    args.string("name").orElse(null),
                    args.string("group_id").orElse(null),
                    args.string("description").orElse(null),
                    args.string("vpc_id").orElse(null),
                    RuleExpander.expand(args.has("rules") ? args.list("rules") : null),
                    RuleExpander.expand(args.has("rules_egress") ? args.list("rules_egress") : null),
                    absent,
                    flag(args, "purge_rules"),
                    flag(args, "purge_rules_egress"),
                    args.has("tags") ? args.dict("tags") : null,
                    flag(args, "purge_tags"));
        }

        private static boolean flag(ModuleArgs args, String name) {
            return args.get(name) == null || args.bool(name);
        }
    }
}
