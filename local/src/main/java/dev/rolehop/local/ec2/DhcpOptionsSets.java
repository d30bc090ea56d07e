package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.DhcpOptions;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.Vpc;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** EC2 DHCP options sets: CreateDhcpOptions, DescribeDhcpOptions, AssociateDhcpOptions, DeleteDhcpOptions. */
final class DhcpOptionsSets {

    /** The options a set may hold, as EC2 lists them. */
    private static final Set<String> KEYS = Set.of(
            "domain-name",
            "domain-name-servers",
            "ntp-servers",
            "netbios-name-servers",
            "netbios-node-type",
            "ipv6-address-preferred-lease-time");

    private static final Set<String> FILTERS = Set.of("dhcp-options-id", "key", "value", "owner-id");

    private final WorldState state;
    private final Listing<DhcpOptions> listing = new Listing<>(
            "DescribeDhcpOptions",
            "dhcpOptionsSet",
            "DhcpOptionsId",
            DhcpOptions.class,
            FILTERS,
            (x, f, r) -> DhcpOptionsSets.field(x, f),
            DhcpOptionsSets::notFound,
            (xml, options, tags, r, region) -> write(xml, "item", options, tags));

    DhcpOptionsSets(WorldState state) {
        this.state = state;
    }

    String create(ServiceCall call) {
        QueryParams p = call.params();
        List<DhcpOptions.Configuration> configurations = new ArrayList<>();
        for (QueryParams c : p.members("DhcpConfiguration")) {
            String key = c.required("Key");
            if (!KEYS.contains(key)) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                        "Value (" + key + ") for parameter name is invalid. " + "Unknown DHCP option");
            }
            configurations.add(new DhcpOptions.Configuration(key, c.values("Value")));
        }
        if (configurations.isEmpty()) {
            throw AwsErrorCode.MISSING_PARAMETER.error("The request must contain the parameter dhcpConfiguration");
        }
        Map<String, String> tags = TagSpecifications.forNew(p, "dhcp-options");
        DhcpOptions options =
                new DhcpOptions(Ids.randomHex("dopt-"), call.caller().accountId(), configurations);
        state.change(call.caller().accountId(), call.region(), r -> {
            r.putResource(options);
            tags.forEach((k, v) -> r.tag(options.id(), k, v));
            return null;
        });
        XmlWriter xml = Ec2Xml.start("CreateDhcpOptions", call.requestId());
        write(xml, "dhcpOptions", options, tags);
        return Ec2Xml.end(xml, "CreateDhcpOptions");
    }

    String describe(ServiceCall call) {
        return listing.describe(call, state);
    }

    /** AssociateDhcpOptions: a set, or {@code default} for none, becomes the VPC's. */
    String associate(ServiceCall call) {
        String optionsId = call.params().required("DhcpOptionsId");
        String vpcId = call.params().required("VpcId");
        state.change(call.caller().accountId(), call.region(), r -> {
            if (!optionsId.equals("default")) {
                find(r, optionsId);
            }
            r.putResource(Vpcs.find(r, vpcId).withDhcpOptions(optionsId));
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("AssociateDhcpOptions", call.requestId()).element("return", true), "AssociateDhcpOptions");
    }

    String delete(ServiceCall call) {
        String id = call.params().required("DhcpOptionsId");
        state.change(call.caller().accountId(), call.region(), r -> {
            find(r, id);
            if (r.resources(Vpc.class).stream().anyMatch(v -> id.equals(v.dhcpOptionsId()))) {
                throw Ec2Errors.dependencies("dhcpOptions", id);
            }
            r.removeResource(id);
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("DeleteDhcpOptions", call.requestId()).element("return", true), "DeleteDhcpOptions");
    }

    private static void write(XmlWriter xml, String element, DhcpOptions options, Map<String, String> tags) {
        xml.open(element).element("dhcpOptionsId", options.id()).open("dhcpConfigurationSet");
        for (DhcpOptions.Configuration c : options.configurations()) {
            xml.open("item").element("key", c.key()).open("valueSet");
            c.values().forEach(v -> xml.open("item").element("value", v).close("item"));
            xml.close("valueSet").close("item");
        }
        xml.close("dhcpConfigurationSet").element("ownerId", options.ownerId());
        Ec2Xml.tagSet(xml, tags);
        xml.close(element);
    }

    private static List<String> field(DhcpOptions options, String filter) {
        return switch (filter) {
            case "dhcp-options-id" -> List.of(options.id());
            case "owner-id" -> List.of(options.ownerId());
            case "key" ->
                options.configurations().stream()
                        .map(DhcpOptions.Configuration::key)
                        .toList();
            case "value" ->
                options.configurations().stream()
                        .flatMap(c -> c.values().stream())
                        .toList();
            default -> List.of();
        };
    }

    private static DhcpOptions find(RegionState r, String id) {
        return r.resource(DhcpOptions.class, id).orElseThrow(() -> notFound(id));
    }

    private static AwsException notFound(String id) {
        return Ec2Errors.notFound(AwsErrorCode.INVALID_DHCP_OPTION_ID_NOT_FOUND, "dhcpOption", id);
    }
}
