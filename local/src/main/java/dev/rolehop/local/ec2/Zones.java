package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.Vpc;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Account;
import dev.rolehop.local.world.DefaultVpc;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EC2's account-level answers: DescribeAvailabilityZones (the region's zones a, b and c),
 * DescribeRegions (the account's regions) and DescribeAccountAttributes (EC2's default quotas
 * and the default VPC).
 */
final class Zones {

    private static final Set<String> ZONE_FILTERS =
            Set.of("zone-name", "zone-id", "state", "region-name", "zone-type", "group-name", "opt-in-status");
    private static final Set<String> REGION_FILTERS = Set.of("region-name", "endpoint", "opt-in-status");

    private final WorldState state;

    Zones(WorldState state) {
        this.state = state;
    }

    String describeZones(ServiceCall call) {
        Filters filters = Filters.parse(call.params(), ZONE_FILTERS);
        List<String> names = call.params().values("ZoneName");
        List<String> ids = call.params().values("ZoneId");
        List<DefaultVpc.Zone> zones = DefaultVpc.zones(call.region());
        for (String name : names) {
            if (zones.stream().noneMatch(z -> z.name().equals(name))) {
                throw Ec2Errors.invalidValue(name, "zoneName", "The availability zone is unknown.");
            }
        }
        XmlWriter xml =
                Ec2Xml.start("DescribeAvailabilityZones", call.requestId()).open("availabilityZoneInfo");
        for (DefaultVpc.Zone z : zones) {
            boolean selected = (names.isEmpty() || names.contains(z.name()))
                    && (ids.isEmpty() || ids.contains(z.id()))
                    && filters.matches(
                            f -> switch (f) {
                                case "zone-name" -> List.of(z.name());
                                case "zone-id" -> List.of(z.id());
                                case "state" -> List.of("available");
                                case "region-name", "group-name" -> List.of(call.region());
                                case "zone-type" -> List.of("availability-zone");
                                case "opt-in-status" -> List.of("opt-in-not-required");
                                default -> List.of();
                            },
                            Map.of());
            if (selected) {
                xml.open("item")
                        .element("zoneName", z.name())
                        .element("zoneState", "available")
                        .element("regionName", call.region())
                        .open("messageSet")
                        .close("messageSet")
                        .element("optInStatus", "opt-in-not-required")
                        .element("zoneId", z.id())
                        .element("groupName", call.region())
                        .element("networkBorderGroup", call.region())
                        .element("zoneType", "availability-zone")
                        .close("item");
            }
        }
        xml.close("availabilityZoneInfo");
        return Ec2Xml.end(xml, "DescribeAvailabilityZones");
    }

    String describeRegions(ServiceCall call, Account account) {
        Filters filters = Filters.parse(call.params(), REGION_FILTERS);
        List<String> names = call.params().values("RegionName");
        XmlWriter xml = Ec2Xml.start("DescribeRegions", call.requestId()).open("regionInfo");
        for (String region : account.regions()) {
            String endpoint = "ec2." + region + ".amazonaws.com";
            boolean selected = (names.isEmpty() || names.contains(region))
                    && filters.matches(
                            f -> switch (f) {
                                case "region-name" -> List.of(region);
                                case "endpoint" -> List.of(endpoint);
                                case "opt-in-status" -> List.of("opt-in-not-required");
                                default -> List.of();
                            },
                            Map.of());
            if (selected) {
                xml.open("item")
                        .element("regionName", region)
                        .element("regionEndpoint", endpoint)
                        .element("optInStatus", "opt-in-not-required")
                        .close("item");
            }
        }
        xml.close("regionInfo");
        return Ec2Xml.end(xml, "DescribeRegions");
    }

    /** DescribeAccountAttributes: AWS's default quotas, and the region's default VPC (or none). */
    String describeAccountAttributes(ServiceCall call) {
        String defaultVpc = state.read(
                call.caller().accountId(),
                call.region(),
                r -> r.resources(Vpc.class).stream()
                        .filter(Vpc::isDefault)
                        .map(Vpc::id)
                        .findFirst()
                        .orElse("none"));
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("supported-platforms", List.of("VPC"));
        attributes.put("default-vpc", List.of(defaultVpc));
        attributes.put("max-instances", List.of("20"));
        attributes.put("vpc-max-security-groups-per-interface", List.of("5"));
        attributes.put("max-elastic-ips", List.of("5"));
        attributes.put("vpc-max-elastic-ips", List.of("5"));
        List<String> wanted = call.params().values("AttributeName");
        for (String name : wanted) {
            if (!attributes.containsKey(name)) {
                throw Ec2Errors.invalidValue(name, "attributeName", "Unknown attribute.");
            }
        }
        XmlWriter xml =
                Ec2Xml.start("DescribeAccountAttributes", call.requestId()).open("accountAttributeSet");
        attributes.forEach((name, values) -> {
            if (wanted.isEmpty() || wanted.contains(name)) {
                xml.open("item").element("attributeName", name).open("attributeValueSet");
                values.forEach(
                        v -> xml.open("item").element("attributeValue", v).close("item"));
                xml.close("attributeValueSet").close("item");
            }
        });
        xml.close("accountAttributeSet");
        return Ec2Xml.end(xml, "DescribeAccountAttributes");
    }
}
