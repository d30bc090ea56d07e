package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.AwsSession;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;

/** The tags of one EC2 resource, as amazon.aws's {@code describe_ec2_tags}: a paginated DescribeTags. */
final class ResourceTags {

    private ResourceTags() {}

    static Map<String, String> of(AwsSession aws, String resourceId) {
        var request = DescribeTagsRequest.builder()
                .filters(Filter.builder().name("resource-id").values(resourceId).build())
                .overrideConfiguration(aws.tag())
                .build();
        return aws.call("ec2", "DescribeTags", "Failed to describe tags for EC2 Resource: " + resourceId, () -> {
            Map<String, String> tags = new LinkedHashMap<>();
            aws.ec2().describeTagsPaginator(request).tags().forEach(tag -> tags.put(tag.key(), tag.value()));
            return tags;
        });
    }
}
