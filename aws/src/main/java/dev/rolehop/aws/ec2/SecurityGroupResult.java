package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.Boto3Shapes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * A security group as amazon.aws returns it: boto3's dict with snake_case keys, and {@code tags}
 * as a plain {@code {key: value}} dict. {@code security_group_arn} is left out: the botocore of
 * the reference platform (Debian 12, 1.29) does not know that member, so amazon.aws never shows it.
 */
final class SecurityGroupResult {

    private SecurityGroupResult() {}

    static Map<String, Object> of(SecurityGroup group) {
        Map<String, Object> result = new LinkedHashMap<>(Boto3Shapes.snake(group, "Tags"));
        result.remove("security_group_arn");
        result.put("tags", tags(group.tags()));
        return result;
    }

    static Map<String, String> tags(List<Tag> tags) {
        Map<String, String> dict = new LinkedHashMap<>();
        tags.forEach(tag -> dict.put(tag.key(), tag.value()));
        return dict;
    }
}
