package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.DefaultVpc;
import dev.rolehop.local.world.SeedInstance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** EC2 CreateTags, DeleteTags and DescribeTags over groups, stored networking resources and instances. */
final class Tags {

    private static final Set<String> FILTERS = Set.of("resource-id", "resource-type", "key", "value");

    private final WorldState state;

    Tags(WorldState state) {
        this.state = state;
    }

    String create(ServiceCall call, DefaultVpc vpc, List<SeedInstance> instances) {
        List<String> ids = call.params().values("ResourceId");
        if (ids.isEmpty()) {
            throw AwsErrorCode.MISSING_PARAMETER.error("The request must contain the parameter resourceIdSet");
        }
        Map<String, String> tags = TagSpecifications.tagList(call.params());
        state.change(call.caller().accountId(), call.region(), r -> {
            ids.forEach(id -> resourceType(id, r, vpc, instances));
            ids.forEach(id -> Ec2Validation.tagCount(r.tags(id).keySet(), tags.keySet()));
            ids.forEach(id -> tags.forEach((k, v) -> r.tag(id, k, v)));
            return null;
        });
        return Ec2Xml.end(Ec2Xml.start("CreateTags", call.requestId()).element("return", true), "CreateTags");
    }

    String delete(ServiceCall call, DefaultVpc vpc, List<SeedInstance> instances) {
        List<String> ids = call.params().values("ResourceId");
        if (ids.isEmpty()) {
            throw AwsErrorCode.MISSING_PARAMETER.error("The request must contain the parameter resourceIdSet");
        }
        List<QueryParams> tags = call.params().members("Tag");
        // aws: tags are AWS's: a caller can neither set nor delete them.
        tags.forEach(t -> Ec2Validation.tagKey(t.required("Key")));
        state.change(call.caller().accountId(), call.region(), r -> {
            ids.forEach(id -> resourceType(id, r, vpc, instances));
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

    String describe(ServiceCall call, DefaultVpc vpc, List<SeedInstance> instances) {
        Filters filters = Filters.parse(call.params(), FILTERS);
        XmlWriter xml = Ec2Xml.start("DescribeTags", call.requestId()).open("tagSet");
        state.read(call.caller().accountId(), call.region(), r -> {
            r.allTags().forEach((id, tags) -> {
                String type = resourceType(id, r, vpc, instances);
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
    private static String resourceType(String id, RegionState r, DefaultVpc vpc, List<SeedInstance> instances) {
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
        if (id.startsWith("i-")) {
            if (instances.stream()
                    .noneMatch(i -> i.id().equals(id) && i.region().equals(vpc.region()))) {
                throw AwsErrorCode.INVALID_INSTANCE_ID_NOT_FOUND.error("The instance ID '" + id + "' does not exist");
            }
            return "instance";
        }
        throw StoredTypes.notFound(id)
                .orElseGet(() -> AwsErrorCode.INVALID_ID.error("The ID '" + id + "' is not valid"));
    }
}
