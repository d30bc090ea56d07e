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

    /** An availability zone of a region: its name ({@code us-east-1a}) and zone id ({@code use1-az1}). */
    public record Zone(String name, String id) {}

    /** The availability zones rolehop local gives every region: {@code a}, {@code b} and {@code c}. */
    public static List<Zone> zones(String region) {
        String regionCode = regionCode(region);
        return List.of(
                new Zone(region + "a", regionCode + "-az1"),
                new Zone(region + "b", regionCode + "-az2"),
                new Zone(region + "c", regionCode + "-az3"));
    }

    /**
     * AWS's short code of a region in zone ids: the area, the direction's initials and the number
     * ({@code us-east-1} is {@code use1}, {@code ap-southeast-2} is {@code apse2}).
     */
    static String regionCode(String region) {
        String[] parts = region.split("-");
        if (parts.length != 3) {
            return region.replace("-", "");
        }
        String direction = parts[1].replace("north", "n")
                .replace("south", "s")
                .replace("east", "e")
                .replace("west", "w")
                .replace("central", "c");
        return parts[0] + direction + parts[2];
    }

    /** The id of another resource of the default network (gateway, route table, ...), stable as the others. */
    public String resourceId(String prefix) {
        return Ids.stableHex(prefix, accountId + "/" + region + "/" + prefix);
    }

    public DefaultVpc {
        subnets = List.copyOf(subnets);
    }

    /** The default VPC of an account in a region. */
    public static DefaultVpc of(String accountId, String region) {
        String seed = accountId + "/" + region;
        List<String> cidrs = List.of("172.31.0.0/20", "172.31.16.0/20", "172.31.32.0/20");
        List<Zone> zones = zones(region);
        List<Subnet> subnets = new java.util.ArrayList<>();
        for (int i = 0; i < zones.size(); i++) {
            Zone z = zones.get(i);
            String letter = z.name().substring(region.length());
            subnets.add(new Subnet(Ids.stableHex("subnet-", seed + "/" + letter), z.name(), z.id(), cidrs.get(i)));
        }
        return new DefaultVpc(
                accountId,
                region,
                Ids.stableHex("vpc-", seed + "/vpc"),
                "172.31.0.0/16",
                Ids.stableHex("dopt-", seed + "/dopt"),
                Ids.stableHex("sg-", seed + "/default-sg"),
                subnets);
    }
}
