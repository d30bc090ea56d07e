package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.Instance;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.DefaultVpc;
import dev.rolehop.local.world.World;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * EC2 CreateTags, DeleteTags and DescribeTags over groups, stored networking resources, instances
 * (with their volumes and network interfaces), key pairs and images.
 */
final class Tags {

    private static final Set<String> FILTERS = Set.of("resource-id", "resource-type", "key", "value");

    private final WorldState state;
    private final World world;

    Tags(WorldState state, World world) {
        this.state = state;
        this.world = world;
    }

    String create(ServiceCall call, DefaultVpc vpc) {
        List<String> ids = call.params().values("ResourceId");
        if (ids.isEmpty()) {
            throw AwsErrorCode.MISSING_PARAMETER.error("The request must contain the parameter resourceIdSet");
        }
        Map<String, String> tags = TagSpecifications.tagList(call.params());
        state.change(call.caller().accountId(), call.region(), r -> {
            ids.forEach(id -> resourceType(id, r, vpc, call.region()));
            ids.forEach(id -> Ec2Validation.tagCount(r.tags(id).keySet(), tags.keySet()));
            ids.forEach(id -> tags.forEach((k, v) -> r.tag(id, k, v)));
            return null;
        });
        return Ec2Xml.end(Ec2Xml.start("CreateTags", call.requestId()).element("return", true), "CreateTags");
    }

    String delete(ServiceCall call, DefaultVpc vpc) {
        List<String> ids = call.params().values("ResourceId");
        if (ids.isEmpty()) {
            throw AwsErrorCode.MISSING_PARAMETER.error("The request must contain the parameter resourceIdSet");
        }
        List<QueryParams> tags = call.params().members("Tag");
        // aws: tags are AWS's: a caller can neither set nor delete them.
        tags.forEach(t -> Ec2Validation.tagKey(t.required("Key")));
        state.change(call.caller().accountId(), call.region(), r -> {
            ids.forEach(id -> resourceType(id, r, vpc, call.region()));
            for (String id : ids) {
                Map<String, String> current = r.tags(id);
                if (tags.isEmpty()) {
                    current.keySet().forEach(k -> r.untag(id, k));
                }
                for (QueryParams t : tags) {
                    String key = t.required("Key");
                    // A Value given (even empty) deletes the tag only when it has that value.
                    if (current.containsKey(key)
                            && t.get("Value")
                                    .map(v -> v.equals(current.get(key)))
                                    .orElse(true)) {
                        r.untag(id, key);
                    }
                }
            }
            return null;
        });
        return Ec2Xml.end(Ec2Xml.start("DeleteTags", call.requestId()).element("return", true), "DeleteTags");
    }

    String describe(ServiceCall call, DefaultVpc vpc) {
        Filters filters = Filters.parse(call.params(), FILTERS);
        XmlWriter xml = Ec2Xml.start("DescribeTags", call.requestId()).open("tagSet");
        state.read(call.caller().accountId(), call.region(), r -> {
            r.allTags().forEach((id, tags) -> {
                String type = resourceType(id, r, vpc, call.region());
                tags.forEach((k, v) -> {
                    if (filters.matches(
                            f -> switch (f) {
                                case "resource-id" -> List.of(id);
                                case "resource-type" -> List.of(type);
                                case "key" -> List.of(k);
                                case "value" -> List.of(v);
                                default -> List.of();
                            },
                            Map.of())) {
                        xml.open("item")
                                .element("resourceId", id)
                                .element("resourceType", type)
                                .element("key", k)
                                .element("value", v)
                                .close("item");
                    }
                });
            });
            return null;
        });
        xml.close("tagSet");
        return Ec2Xml.end(xml, "DescribeTags");
    }

    /** The EC2 resource type of an id in this account and region, or the not-found error for it. */
    private String resourceType(String id, RegionState r, DefaultVpc vpc, String region) {
        if (id.startsWith("sg-")) {
            SecurityGroups.checkId(id);
            r.group(id)
                    .orElseThrow(() -> AwsErrorCode.INVALID_GROUP_NOT_FOUND.error(
                            "The security group '" + id + "' does not exist"));
            return "security-group";
        }
        Optional<String> stored = StoredTypes.of(r, id);
        if (stored.isPresent()) {
            return stored.get();
        }
        if (id.startsWith("ami-")) {
            Images.find(world, region, id)
                    .orElseThrow(() ->
                            AwsErrorCode.INVALID_AMI_ID_NOT_FOUND.error("The image id '[" + id + "]' does not exist"));
            return "image";
        }
        if (id.startsWith("vol-") || id.startsWith("eni-")) {
            boolean found = r.resources(Instance.class).stream()
                    .anyMatch(i -> id.equals(i.networkInterfaceId())
                            || i.blockDevices().stream()
                                    .anyMatch(d -> d.volumeId().equals(id)));
            if (!found) {
                throw (id.startsWith("vol-")
                                ? AwsErrorCode.INVALID_VOLUME_NOT_FOUND
                                : AwsErrorCode.INVALID_NETWORK_INTERFACE_ID_NOT_FOUND)
                        .error("The " + (id.startsWith("vol-") ? "volume" : "networkInterface") + " ID '" + id
                                + "' does not exist");
            }
            return id.startsWith("vol-") ? "volume" : "network-interface";
        }
        throw StoredTypes.notFound(id)
                .orElseGet(() -> AwsErrorCode.INVALID_ID.error("The ID '" + id + "' is not valid"));
    }
}
