package dev.rolehop.local.world;

import java.util.List;

/**
 * The default VPC every account has in each of its regions: 172.31.0.0/16 with one /20
 * default subnet per availability zone (a, b, c), and its {@code default} security group.
 * Ids are derived from account and region, so they are the same on every run.
 */
public record DefaultVpc(
        String accountId,
        String region,
        String vpcId,
        String cidrBlock,
        String dhcpOptionsId,
        String defaultGroupId,
        List<Subnet> subnets) {

    /** A default subnet of the VPC. */
    public record Subnet(String id, String availabilityZone, String availabilityZoneId, String cidrBlock) {}

    public DefaultVpc {
        subnets = List.copyOf(subnets);
    }

    /** The default VPC of an account in a region. */
    public static DefaultVpc of(String accountId, String region) {
        String seed = accountId + "/" + region;
        List<Subnet> subnets = List.of(
                subnet(seed, region, "a", 1, "172.31.0.0/20"),
                subnet(seed, region, "b", 2, "172.31.16.0/20"),
                subnet(seed, region, "c", 3, "172.31.32.0/20"));
        return new DefaultVpc(
                accountId,
                region,
                Ids.stableHex("vpc-", seed + "/vpc"),
                "172.31.0.0/16",
                Ids.stableHex("dopt-", seed + "/dopt"),
                Ids.stableHex("sg-", seed + "/default-sg"),
                subnets);
    }

    private static Subnet subnet(String seed, String region, String zone, int n, String cidr) {
        String regionCode = region.replaceAll("([a-z])[a-z]*-", "$1").replace("-", "");
        return new Subnet(Ids.stableHex("subnet-", seed + "/" + zone), region + zone, regionCode + "-az" + n, cidr);
    }
}
