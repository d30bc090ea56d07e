package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.Boto3Shapes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * A security group as amazon.aws returns it: boto3's dict with snake_case keys, and {@code tags}
 * as a plain {@code {key: value}} dict.
 */
final class SecurityGroupResult {

    private SecurityGroupResult() {
    }

    static Map<String, Object> of(SecurityGroup group) {
        Map<String, Object> result = new LinkedHashMap<>(Boto3Shapes.snake(group, "Tags"));
        result.put("tags", tags(group.tags()));
        return result;
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> dict = new LinkedHashMap<>();
        tags.forEach(tag -> dict.put(tag.key(), tag.value()));
        return dict;
    }
}
