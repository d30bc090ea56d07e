package dev.rolehop.aws.ec2;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Converts between {@link Rule}s and EC2's {@code IpPermission}s, as amazon.aws's
 * {@code to_permission} and {@code rule_from_group_permission}.
 */
final class Permissions {

    private Permissions() {}

    /** The permission granting exactly one rule (one target). */
    static IpPermission of(Rule rule) {
        var permission = IpPermission.builder()
                .ipProtocol(rule.protocol())
                .fromPort(rule.fromPort())
                .toPort(rule.toPort());
        switch (rule.targetType()) {
            case Rule.IPV4 ->
                permission.ipRanges(IpRange.builder()
                        .cidrIp(rule.cidr())
                        .description(rule.description())
                        .build());
            case Rule.IPV6 ->
                permission.ipv6Ranges(Ipv6Range.builder()
                        .cidrIpv6(rule.cidr())
                        .description(rule.description())
                        .build());
            case Rule.PREFIX ->
                permission.prefixListIds(PrefixListId.builder()
                        .prefixListId(rule.cidr())
                        .description(rule.description())
                        .build());
            default -> {
                GroupRef group = rule.group();
                var pair = UserIdGroupPair.builder().userId(group.userId()).description(rule.description());
                // group_id and group_name are mutually exclusive: the id is more specific.
                if (group.groupId() != null) {
                    pair.groupId(group.groupId());
                } else {
                    pair.groupName(group.groupName());
                }
                permission.userIdGroupPairs(pair.build());
            }
        }
        return permission.build();
    }

    static List<IpPermission> of(List<Rule> rules) {
        return rules.stream().map(Permissions::of).toList();
    }

    /** The rules a permission grants, one per target. */
    static List<Rule> rules(IpPermission permission, String accountId) {
        Integer from = permission.fromPort();
        Integer to = permission.toPort();
        String protocol = permission.ipProtocol();
        List<Rule> rules = new ArrayList<>();
        permission
                .ipRanges()
                .forEach(r -> rules.add(new Rule(from, to, protocol, Rule.IPV4, r.cidrIp(), null, r.description())));
        permission
                .ipv6Ranges()
                .forEach(r -> rules.add(new Rule(from, to, protocol, Rule.IPV6, r.cidrIpv6(), null, r.description())));
        permission
                .prefixListIds()
                .forEach(r ->
                        rules.add(new Rule(from, to, protocol, Rule.PREFIX, r.prefixListId(), null, r.description())));
        for (UserIdGroupPair pair : permission.userIdGroupPairs()) {
            String owner = pair.userId() == null ? accountId : pair.userId();
            GroupRef target = owner != null && owner.startsWith("amazon-")
                    // amazon-elb and amazon-prefix rules are named, not numbered
                    ? new GroupRef(owner, null, pair.groupName())
                    : new GroupRef(owner, pair.groupId(), null);
            rules.add(new Rule(from, to, protocol, Rule.GROUP, null, target, pair.description()));
        }
        return rules;
    }

    static List<Rule> rules(List<IpPermission> permissions, String accountId) {
        List<Rule> rules = new ArrayList<>();
        permissions.forEach(p -> rules.addAll(rules(p, accountId)));
        return rules;
    }
}
