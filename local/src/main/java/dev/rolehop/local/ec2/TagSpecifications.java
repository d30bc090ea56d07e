package dev.rolehop.local.ec2;

import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code TagSpecification.N.ResourceType} / {@code .Tag.M.Key|Value} and {@code Tag.N.*} lists. */
final class TagSpecifications {

    private TagSpecifications() {}

    /** The tags specified for a resource type at creation. */
    static Map<String, String> tags(QueryParams params, String resourceType) {
        Map<String, String> out = new LinkedHashMap<>();
        for (QueryParams spec : params.members("TagSpecification")) {
            String type = spec.get("ResourceType").orElse(resourceType);
            if (!type.equals(resourceType)) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                        "'" + type + "' is not a valid taggable resource " + "type for this operation.");
            }
            out.putAll(tagList(spec));
        }
        return out;
    }

    /** The tags specified for a new resource of a type, within EC2's limit of tags per resource. */
    static Map<String, String> forNew(QueryParams params, String resourceType) {
        Map<String, String> tags = tags(params, resourceType);
        Ec2Validation.tagCount(java.util.List.of(), tags.keySet());
        return tags;
    }

    /** The {@code Tag.N.Key}/{@code Tag.N.Value} pairs of a request. */
    static Map<String, String> tagList(QueryParams params) {
        Map<String, String> out = new LinkedHashMap<>();
        for (QueryParams tag : params.members("Tag")) {
            String key = tag.get("Key")
                    .orElseThrow(() ->
                            AwsErrorCode.MISSING_PARAMETER.error("The request must contain the parameter Tag.Key"));
            String value = tag.get("Value").orElse("");
            Ec2Validation.tagKey(key);
            Ec2Validation.tagValue(value);
            out.put(key, value);
        }
        return out;
    }
}
