package dev.rolehop.local.iam;

import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.Validation;
import dev.rolehop.local.wire.XmlWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IAM tags: read from {@code Tags.member.N.Key/Value}, at most 50 on an entity, written as {@code Tags}. */
final class Tags {

    static final int MOST = 50;

    private Tags() {}

    /** The tags a call gives, in order. */
    static Map<String, String> read(QueryParams params) {
        Map<String, String> out = new LinkedHashMap<>();
        for (QueryParams tag : params.members("Tags")) {
            String key = Validation.string(tag, "Key", 1, 128, null, null);
            String value = Validation.string(tag, "Value", 0, 256, null, null);
            out.put(key, value);
        }
        return out;
    }

    /** An entity's tags with others set, within IAM's limit. */
    static Map<String, String> merged(Map<String, String> tags, Map<String, String> added) {
        Map<String, String> out = new LinkedHashMap<>(tags);
        out.putAll(added);
        if (out.size() > MOST) {
            throw AwsErrorCode.LIMIT_EXCEEDED.error("The number of tags has reached the maximum limit.");
        }
        return out;
    }

    /** An entity's tags without some keys. */
    static Map<String, String> without(Map<String, String> tags, List<String> keys) {
        Map<String, String> out = new LinkedHashMap<>(tags);
        keys.forEach(out::remove);
        return out;
    }

    /** Writes {@code <Tags>} with a member per tag (nothing when there are none and {@code always} is false). */
    static void write(XmlWriter xml, Map<String, String> tags, boolean always) {
        if (tags.isEmpty() && !always) {
            return;
        }
        xml.open("Tags");
        tags.forEach((k, v) ->
                xml.open("member").element("Key", k).element("Value", v).close("member"));
        xml.close("Tags");
    }
}
