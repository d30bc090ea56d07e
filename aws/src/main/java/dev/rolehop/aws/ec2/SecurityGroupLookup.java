package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.AwsSession;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;

/**
 * The account's security groups, described once per task: they answer whether the task's group
 * exists, which groups rules may name, and (through any group's owner) the account id — the three
 * questions amazon.aws asks with two DescribeSecurityGroups and a GetCallerIdentity.
 */
final class SecurityGroupLookup {

    private final AwsSession aws;
    private final String vpcId;
    private List<SecurityGroup> all;
    private GroupIndex index;
    private String accountId;

    SecurityGroupLookup(AwsSession aws, String vpcId) {
        this.aws = aws;
        this.vpcId = vpcId;
    }

    /** The task's group: the last one matching the id, name and VPC given, or {@code null}. */
    SecurityGroup find(String groupId, String name) {
        SecurityGroup found = null;
        for (SecurityGroup group : all()) {
            if ((groupId == null || groupId.equals(group.groupId()))
                    && (name == null || name.equals(group.groupName()))
                    && (vpcId == null || vpcId.equals(group.vpcId()))) {
                found = group;
            }
        }
        return found;
    }

    GroupIndex index() {
        if (index == null) {
            index = new GroupIndex(all(), vpcId);
        }
        return index;
    }

    /** The account id: the owner of the account's groups, else (no group at all) GetCallerIdentity's. */
    String accountId() {
        if (accountId == null) {
            accountId = all().stream()
                    .map(SecurityGroup::ownerId)
                    .filter(java.util.Objects::nonNull)
                    .findFirst()
                    .orElseGet(() -> aws.call(
                                    "sts",
                                    "GetCallerIdentity",
                                    "Failed to get AWS account information",
                                    () -> aws.sts()
                                            .getCallerIdentity(GetCallerIdentityRequest.builder()
                                                    .overrideConfiguration(aws.tag())
                                                    .build()))
                            .account());
        }
        return accountId;
    }

    /**
     * The VPC a group created without {@code vpc_id} lands in, when the groups tell: every VPC has
     * a {@code default} group, so if the account's groups span exactly one VPC, that VPC is the
     * default one (a create without VPC fails when there is no default VPC).
     */
    String soleVpcId() {
        var vpcs = all().stream()
                .map(SecurityGroup::vpcId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        return vpcs.size() == 1 ? vpcs.get(0) : null;
    }

    void knowAccount(String id) {
        if (accountId == null) {
            accountId = id;
        }
    }

    private List<SecurityGroup> all() {
        if (all == null) {
            all = aws.call("ec2", "DescribeSecurityGroups", "Error in describe_security_groups", () -> {
                List<SecurityGroup> groups = new ArrayList<>();
                aws.ec2()
                        .describeSecurityGroupsPaginator(DescribeSecurityGroupsRequest.builder()
                                .overrideConfiguration(aws.tag())
                                .build())
                        .forEach(page -> groups.addAll(page.securityGroups()));
                return groups;
            });
        }
        return all;
    }
}
