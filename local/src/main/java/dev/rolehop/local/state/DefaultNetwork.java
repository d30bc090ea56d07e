package dev.rolehop.local.state;

import dev.rolehop.local.world.DefaultVpc;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores an account's default VPC in a region as AWS sets it up: the VPC (172.31.0.0/16) with its
 * main route table, default network ACL and default security group; a default subnet per zone
 * that maps public IPs on launch; an attached internet gateway with the main table's route
 * 0.0.0.0/0 to it; and the region's default DHCP options set. Ids are {@link DefaultVpc}'s.
 */
final class DefaultNetwork {

    private DefaultNetwork() {}

    /**
     * Seeds the default network unless the region already holds it or holds other VPCs; a region
     * whose only trace of it is the default security group (a state file from before VPCs were
     * stored) gets the rest, its group kept.
     */
    static void seed(RegionState r, DefaultVpc d) {
        if (r.resource(Vpc.class, d.vpcId()).isPresent()
                || !r.resources(Vpc.class).isEmpty()) {
            return;
        }
        boolean hadGroup = r.group(d.defaultGroupId()).isPresent();
        String domain = d.region().equals("us-east-1") ? "ec2.internal" : d.region() + ".compute.internal";
        r.putResource(new DhcpOptions(
                d.dhcpOptionsId(),
                d.accountId(),
                List.of(
                        new DhcpOptions.Configuration("domain-name", List.of(domain)),
                        new DhcpOptions.Configuration("domain-name-servers", List.of("AmazonProvidedDNS")))));
        Vpc vpc = new Vpc(
                d.vpcId(),
                d.accountId(),
                true,
                "default",
                d.dhcpOptionsId(),
                true,
                true,
                List.of(new CidrAssociation(
                        d.vpcId().replace("vpc-", "vpc-cidr-assoc-"), d.cidrBlock(), false, "associated")));
        SecurityGroup group = r.group(d.defaultGroupId()).orElse(null);
        VpcDefaults.create(r, vpc, prefix -> prefix.equals("sg-") ? d.defaultGroupId() : d.resourceId(prefix));
        if (hadGroup) {
            r.put(group);
        }
        for (DefaultVpc.Subnet s : d.subnets()) {
            r.putResource(new Subnet(
                    s.id(),
                    d.vpcId(),
                    d.accountId(),
                    s.cidrBlock(),
                    s.availabilityZone(),
                    s.availabilityZoneId(),
                    true,
                    true,
                    false,
                    List.of()));
        }
        String igw = d.resourceId("igw-");
        r.putResource(new InternetGateway(igw, d.accountId(), d.vpcId()));
        RouteTable main = r.resource(RouteTable.class, d.resourceId("rtb-")).orElseThrow();
        List<Route> routes = new ArrayList<>(main.routes());
        routes.add(new Route("0.0.0.0/0", "gatewayId", igw, "CreateRoute"));
        r.putResource(main.withRoutes(routes));
    }
}
