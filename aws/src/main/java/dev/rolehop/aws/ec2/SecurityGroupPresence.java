package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.aws.client.Boto3Shapes;
import dev.rolehop.engine.module.ModuleResult;
import dev.rolehop.python.PythonRepr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupEgressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsEgressRequest;
import software.amazon.awssdk.services.ec2.model.UpdateSecurityGroupRuleDescriptionsIngressRequest;

/**
 * Makes one security group present as the task describes it: creates it (with its tags in the
 * same call), sets tags, re-describes, revokes and authorizes rules — or, in check mode, only
 * works out what would change. Reports the resulting group computed from the changes made.
 */
final class SecurityGroupPresence {

    private final AwsSession aws;
    private final boolean check;
    private final SecurityGroupModule.SecurityGroupTask task;
    private final SecurityGroupLookup lookup;
    private final Consumer<String> warn;

    SecurityGroupPresence(
            AwsSession aws,
            boolean check,
            SecurityGroupModule.SecurityGroupTask task,
            SecurityGroupLookup lookup,
            Consumer<String> warn) {
        this.aws = aws;
        this.check = check;
        this.task = task;
        this.lookup = lookup;
        this.warn = warn;
    }

    /** Applies the task to the existing group ({@code null} = none); the result carries the diff. */
    ModuleResult apply(SecurityGroup existing) {
        boolean changed = false;
        SecurityGroup group = existing;
        if (existing == null) {
            group = check ? placeholder() : create();
            changed = true;
        } else if (!existing.description().equals(task.description())) {
            warn.accept("Group description does not match existing group. Descriptions cannot be changed without "
                    + "deleting and re-creating the security group. Try using state=absent to delete, then "
                    + "rerunning this task.");
        }

        Map<String, String> tags = SecurityGroupResult.tags(group.tags());
        if (task.tags() != null) {
            TagChanges changes = TagChanges.of(tags, task.tags(), task.purgeTags());
            if (!changes.isEmpty()) {
                changed = true;
                if (!check) {
                    applyTags(group.groupId(), changes);
                }
                tags = changes.applyTo(tags);
            }
        }

        String account = group.ownerId() != null ? group.ownerId() : lookup.accountId();
        var targets =
                new RuleTargets(aws, check, task.name(), group, lookup.index(), task.vpcId(), lookup::accountId, warn);
        List<Rule> desiredIngress = targets.rules(task.rules());
        List<Rule> desiredEgress = targets.rules(task.rulesEgress());
        changed |= targets.createdGroup();
        RulePlan plan = RulePlan.of(
                Permissions.rules(group.ipPermissions(), account),
                Permissions.rules(group.ipPermissionsEgress(), account),
                desiredIngress,
                desiredEgress,
                task.purgeRules(),
                task.purgeRulesEgress(),
                group.vpcId() != null);
        if (!plan.isEmpty()) {
            changed = true;
            if (!check) {
                applyRules(group.groupId(), plan);
            }
        }

        SecurityGroup after = group.toBuilder()
                .ipPermissions(apply(
                        group.ipPermissions(),
                        account,
                        plan.revokeIngress(),
                        plan.describeIngress(),
                        plan.authorizeIngress()))
                .ipPermissionsEgress(apply(
                        group.ipPermissionsEgress(),
                        account,
                        plan.revokeEgress(),
                        plan.describeEgress(),
                        plan.authorizeEgress()))
                .tags(tags.entrySet().stream()
                        .map(e -> Tag.builder()
                                .key(e.getKey())
                                .value(e.getValue())
                                .build())
                        .toList())
                .build();
        Map<String, Object> afterValues = SecurityGroupResult.of(after);
        Map<String, Object> values;
        if (!check) {
            values = afterValues;
        } else if (existing != null) {
            // amazon.aws reports the group as it is when nothing was changed for real
            values = SecurityGroupResult.of(existing);
        } else {
            values = new LinkedHashMap<>();
            values.put("group_id", null);
        }
        ModuleResult result = changed ? ModuleResult.changed(values) : ModuleResult.ok(values);
        return result.withDiff(
                new ModuleResult.Diff(existing == null ? Map.of() : SecurityGroupResult.of(existing), afterValues));
    }

    private static List<IpPermission> apply(
            List<IpPermission> current, String account, List<Rule> revoke, List<Rule> describe, List<Rule> authorize) {
        PermissionSet set = new PermissionSet(current, account);
        set.revoke(revoke);
        set.describe(describe);
        set.authorize(authorize);
        return set.permissions();
    }

    /** The group a check-mode run would create, for planning and the diff. */
    private SecurityGroup placeholder() {
        String vpcId = task.vpcId() != null ? task.vpcId() : lookup.soleVpcId();
        return newGroup(SecurityGroupModule.PLACEHOLDER_ID, lookup.accountId(), vpcId, requestedTags());
    }

    private SecurityGroup create() {
        List<Tag> tags = requestedTags();
        var request = CreateSecurityGroupRequest.builder()
                .groupName(task.name())
                .description(task.description())
                .vpcId(task.vpcId())
                .overrideConfiguration(aws.tag());
        if (!tags.isEmpty()) {
            request.tagSpecifications(TagSpecification.builder()
                    .resourceType(ResourceType.SECURITY_GROUP)
                    .tags(tags)
                    .build());
        }
        CreateSecurityGroupResponse created = aws.call(
                "ec2",
                "CreateSecurityGroup",
                "Unable to create security group",
                () -> aws.ec2().createSecurityGroup(request.build()));
        String vpcId = task.vpcId() != null ? task.vpcId() : lookup.soleVpcId();
        if (vpcId == null) {
            // Created in the default VPC, which the groups did not reveal: describe the new group once.
            return aws.call(
                            "ec2",
                            "DescribeSecurityGroups",
                            "Error in describe_security_groups",
                            () -> aws.ec2()
                                    .describeSecurityGroups(DescribeSecurityGroupsRequest.builder()
                                            .groupIds(created.groupId())
                                            .overrideConfiguration(aws.tag())
                                            .build()))
                    .securityGroups()
                    .get(0);
        }
        String account = accountOf(created.securityGroupArn());
        if (account != null) {
            lookup.knowAccount(account);
        }
        return newGroup(
                created.groupId(),
                account != null ? account : lookup.accountId(),
                vpcId,
                created.hasTags() ? created.tags() : tags);
    }

    /** A new group as EC2 makes it: no ingress, and in a VPC the all-traffic egress rule. */
    private SecurityGroup newGroup(String id, String owner, String vpcId, List<Tag> tags) {
        List<IpPermission> egress = vpcId == null
                ? List.of()
                : List.of(IpPermission.builder()
                        .ipProtocol("-1")
                        .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
                        .ipv6Ranges(List.of())
                        .prefixListIds(List.of())
                        .userIdGroupPairs(List.of())
                        .build());
        return SecurityGroup.builder()
                .description(task.description())
                .groupName(task.name())
                .ipPermissions(List.of())
                .ownerId(owner)
                .groupId(id)
                .ipPermissionsEgress(egress)
                .tags(tags)
                .vpcId(vpcId)
                .build();
    }

    private List<Tag> requestedTags() {
        if (task.tags() == null) {
            return List.of();
        }
        return task.tags().entrySet().stream()
                .map(e -> Tag.builder()
                        .key(e.getKey())
                        .value(String.valueOf(e.getValue()))
                        .build())
                .toList();
    }

    /** The account in an ARN ({@code arn:aws:ec2:us-east-1:111111111111:security-group/sg-1}), or {@code null}. */
    private static String accountOf(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : null;
    }

    private void applyTags(String groupId, TagChanges changes) {
        if (!changes.remove().isEmpty()) {
            aws.call(
                    "ec2",
                    "DeleteTags",
                    "Unable to delete tags " + PythonRepr.repr(changes.remove()),
                    () -> aws.ec2()
                            .deleteTags(DeleteTagsRequest.builder()
                                    .resources(groupId)
                                    .tags(changes.remove().stream()
                                            .map(k -> Tag.builder().key(k).build())
                                            .toList())
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
        if (!changes.set().isEmpty()) {
            aws.call(
                    "ec2",
                    "CreateTags",
                    "Unable to add tags " + PythonRepr.repr(changes.set()),
                    () -> aws.ec2()
                            .createTags(CreateTagsRequest.builder()
                                    .resources(groupId)
                                    .tags(changes.set().entrySet().stream()
                                            .map(e -> Tag.builder()
                                                    .key(e.getKey())
                                                    .value(e.getValue())
                                                    .build())
                                            .toList())
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
    }

    private void applyRules(String groupId, RulePlan plan) {
        String describeFailure = "Unable to update rule description for group " + groupId;
        if (!plan.describeIngress().isEmpty()) {
            aws.call(
                    "ec2",
                    "UpdateSecurityGroupRuleDescriptionsIngress",
                    describeFailure,
                    () -> aws.ec2()
                            .updateSecurityGroupRuleDescriptionsIngress(
                                    UpdateSecurityGroupRuleDescriptionsIngressRequest.builder()
                                            .groupId(groupId)
                                            .ipPermissions(Permissions.of(plan.describeIngress()))
                                            .overrideConfiguration(aws.tag())
                                            .build()));
        }
        if (!plan.describeEgress().isEmpty()) {
            aws.call(
                    "ec2",
                    "UpdateSecurityGroupRuleDescriptionsEgress",
                    describeFailure,
                    () -> aws.ec2()
                            .updateSecurityGroupRuleDescriptionsEgress(
                                    UpdateSecurityGroupRuleDescriptionsEgressRequest.builder()
                                            .groupId(groupId)
                                            .ipPermissions(Permissions.of(plan.describeEgress()))
                                            .overrideConfiguration(aws.tag())
                                            .build()));
        }
        if (!plan.revokeIngress().isEmpty()) {
            List<IpPermission> permissions = Permissions.of(plan.revokeIngress());
            aws.call(
                    "ec2",
                    "RevokeSecurityGroupIngress",
                    "Unable to revoke ingress rules: " + repr(permissions),
                    () -> aws.ec2()
                            .revokeSecurityGroupIngress(RevokeSecurityGroupIngressRequest.builder()
                                    .groupId(groupId)
                                    .ipPermissions(permissions)
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
        if (!plan.revokeEgress().isEmpty()) {
            List<IpPermission> permissions = Permissions.of(plan.revokeEgress());
            aws.call(
                    "ec2",
                    "RevokeSecurityGroupEgress",
                    "Unable to revoke egress rules: " + repr(permissions),
                    () -> aws.ec2()
                            .revokeSecurityGroupEgress(RevokeSecurityGroupEgressRequest.builder()
                                    .groupId(groupId)
                                    .ipPermissions(permissions)
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
        if (!plan.authorizeIngress().isEmpty()) {
            List<IpPermission> permissions = Permissions.of(plan.authorizeIngress());
            aws.call(
                    "ec2",
                    "AuthorizeSecurityGroupIngress",
                    "Unable to authorize ingress rules: " + repr(permissions),
                    () -> aws.ec2()
                            .authorizeSecurityGroupIngress(AuthorizeSecurityGroupIngressRequest.builder()
                                    .groupId(groupId)
                                    .ipPermissions(permissions)
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
        if (!plan.authorizeEgress().isEmpty()) {
            List<IpPermission> permissions = Permissions.of(plan.authorizeEgress());
            aws.call(
                    "ec2",
                    "AuthorizeSecurityGroupEgress",
                    "Unable to authorize egress rules: " + repr(permissions),
                    () -> aws.ec2()
                            .authorizeSecurityGroupEgress(AuthorizeSecurityGroupEgressRequest.builder()
                                    .groupId(groupId)
                                    .ipPermissions(permissions)
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
    }

    private static String repr(List<IpPermission> permissions) {
        return PythonRepr.repr(permissions.stream().map(Boto3Shapes::of).toList());
    }
}
