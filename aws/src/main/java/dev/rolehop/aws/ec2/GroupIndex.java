package dev.rolehop.aws.ec2;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * The account's security groups by id and by name, as amazon.aws's {@code groups} dict: a name
 * used in several VPCs maps to the group in the task's VPC when there is one, else the last.
 */
final class GroupIndex {

    private final Map<String, SecurityGroup> groups = new HashMap<>();

    GroupIndex(List<SecurityGroup> all, String vpcId) {
        all.forEach(g -> groups.put(g.groupId(), g));
        all.forEach(g -> groups.put(g.groupName(), g));
        if (vpcId != null) {
            all.stream().filter(g -> vpcId.equals(g.vpcId())).forEach(g -> groups.put(g.groupName(), g));
        }
    }

    SecurityGroup get(String idOrName) {
        return groups.get(idOrName);
    }

    void put(String idOrName, SecurityGroup group) {
        groups.put(idOrName, group);
    }
}
