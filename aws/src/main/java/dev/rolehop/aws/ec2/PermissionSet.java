package dev.rolehop.aws.ec2;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * A group's permissions as EC2 keeps them — one entry per protocol and port range, listing its
 * targets — with rules revoked, re-described and authorized the way EC2 applies those calls. It
 * lets the module report the group's resulting state without describing it again.
 */
final class PermissionSet {

    private final String accountId;
    private final List<Rule> rules;

    PermissionSet(List<IpPermission> permissions, String accountId) {
        this.accountId = accountId;
        this.rules = new ArrayList<>(Permissions.rules(permissions, accountId));
    }

    void revoke(List<Rule> revoked) {
        revoked.forEach(r -> rules.removeIf(existing -> existing.sameIgnoringDescription(r)));
    }

    void describe(List<Rule> redescribed) {
        for (Rule r : redescribed) {
            rules.replaceAll(existing -> existing.sameIgnoringDescription(r) ? r : existing);
        }
    }

    void authorize(List<Rule> added) {
        added.stream()
                .filter(r -> rules.stream().noneMatch(r::sameIgnoringDescription))
                .forEach(rules::add);
    }

    /** The permissions, grouped by protocol and port range in the order they first appear. */
    List<IpPermission> permissions() {
        List<IpPermission> permissions = new ArrayList<>();
        List<Rule> keys = new ArrayList<>();
        for (Rule rule : rules) {
            boolean seen = keys.stream().anyMatch(k -> sameRange(k, rule));
            if (seen) {
                continue;
            }
            keys.add(rule);
            List<Rule> same = rules.stream().filter(r -> sameRange(r, rule)).toList();
            permissions.add(IpPermission.builder()
                    .ipProtocol(rule.protocol())
                    .fromPort(rule.fromPort())
                    .toPort(rule.toPort())
                    .ipRanges(same.stream()
                            .filter(r -> r.targetType().equals(Rule.IPV4))
                            .map(r -> IpRange.builder()
                                    .cidrIp(r.cidr())
                                    .description(r.description())
                                    .build())
                            .toList())
                    .ipv6Ranges(same.stream()
                            .filter(r -> r.targetType().equals(Rule.IPV6))
                            .map(r -> Ipv6Range.builder()
                                    .cidrIpv6(r.cidr())
                                    .description(r.description())
                                    .build())
                            .toList())
                    .prefixListIds(same.stream()
                            .filter(r -> r.targetType().equals(Rule.PREFIX))
                            .map(r -> PrefixListId.builder()
                                    .prefixListId(r.cidr())
                                    .description(r.description())
                                    .build())
                            .toList())
                    .userIdGroupPairs(same.stream()
                            .filter(r -> r.targetType().equals(Rule.GROUP))
                            .map(this::pair)
                            .toList())
                    .build());
        }
        return permissions;
    }

    private UserIdGroupPair pair(Rule rule) {
        GroupRef group = rule.group();
        return UserIdGroupPair.builder()
                .description(rule.description())
                .groupId(group.groupId())
                .groupName(group.groupName())
                .userId(group.userId() == null ? accountId : group.userId())
                .build();
    }

    private static boolean sameRange(Rule a, Rule b) {
        return a.protocol().equals(b.protocol())
                && Objects.equals(a.fromPort(), b.fromPort())
                && Objects.equals(a.toPort(), b.toPort());
    }
}
