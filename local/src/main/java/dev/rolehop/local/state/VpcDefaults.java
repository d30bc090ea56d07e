package dev.rolehop.local.state;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * What AWS creates with every VPC: its main route table (a local route per CIDR block), its
 * default network ACL and its {@code default} security group (all traffic from itself in, all
 * traffic out).
 */
public final class VpcDefaults {

    private VpcDefaults() {}

    /**
     * Stores a VPC with its main route table, default network ACL and default security group.
     *
     * @param ids makes the id of each new resource from its prefix ({@code rtb-}, {@code rtbassoc-},
     *     {@code acl-}, {@code sg-})
     */
    public static void create(RegionState r, Vpc vpc, UnaryOperator<String> ids) {
        r.putResource(vpc);
        List<Route> local = vpc.cidrBlocks().stream()
                .filter(CidrAssociation::associated)
                .map(c -> new Route(c.cidrBlock(), "gatewayId", "local", "CreateRouteTable"))
                .toList();
        r.putResource(new RouteTable(
                ids.apply("rtb-"),
                vpc.id(),
                vpc.ownerId(),
                local,
                List.of(new RouteTableAssociation(ids.apply("rtbassoc-"), null, null, true))));
        r.putResource(new NetworkAcl(ids.apply("acl-"), vpc.id(), vpc.ownerId(), true));
        String groupId = ids.apply("sg-");
        r.put(new SecurityGroup(
                groupId,
                "default",
                "default VPC security group",
                vpc.id(),
                vpc.ownerId(),
                List.of(
                        new SecurityGroupRule(
                                groupId.replace("sg-", "sgr-"),
                                false,
                                "-1",
                                -1,
                                -1,
                                RuleSource.GROUP,
                                groupId,
                                vpc.ownerId(),
                                null),
                        new SecurityGroupRule(
                                groupId.replace("sg-", "sgr-e"),
                                true,
                                "-1",
                                -1,
                                -1,
                                RuleSource.CIDR_IPV4,
                                "0.0.0.0/0",
                                null,
                                null))));
    }
}
