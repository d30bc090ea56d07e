package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.python.PythonRepr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.CreateTagsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteTagsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTagsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/** The tags of one EC2 resource: read, removed and set as amazon.aws's {@code ec2.py} helpers do. */
final class ResourceTags {

    private ResourceTags() {}

    /** The resource's tags, as {@code describe_ec2_tags}: a paginated DescribeTags. */
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

    /**
     * Removes tag keys as amazon.aws's {@code remove_ec2_tags}: true if there were any; no call in
     * check mode. {@code shown} formats the keys' repr in the failure message.
     */
    static boolean remove(AwsSession aws, ModuleContext context, String resource, List<String> keys, String shown) {
        if (keys.isEmpty()) {
            return false;
        }
        if (!context.checkMode()) {
            List<Tag> tags = new ArrayList<>();
            keys.forEach(key -> tags.add(Tag.builder().key(key).build()));
            aws.call(
                    "ec2",
                    "DeleteTags",
                    "Unable to delete tags " + shown.formatted(PythonRepr.repr(keys)) + " from " + resource,
                    () -> aws.ec2()
                            .deleteTags(DeleteTagsRequest.builder()
                                    .resources(resource)
                                    .tags(tags)
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
        return true;
    }

    /** Sets tags as amazon.aws's {@code add_ec2_tags} ({@code shown}: the values its message shows); no call in check mode. */
    static boolean add(
            AwsSession aws,
            ModuleContext context,
            String resource,
            Map<String, String> set,
            Map<String, Object> shown) {
        if (set.isEmpty()) {
            return false;
        }
        if (!context.checkMode()) {
            List<Tag> tags = new ArrayList<>();
            set.forEach(
                    (key, value) -> tags.add(Tag.builder().key(key).value(value).build()));
            aws.call(
                    "ec2",
                    "CreateTags",
                    "Unable to add tags " + PythonRepr.repr(shown) + " to " + resource,
                    () -> aws.ec2()
                            .createTags(CreateTagsRequest.builder()
                                    .resources(resource)
                                    .tags(tags)
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
        return true;
    }

    /**
     * Makes a resource's tags, already read as {@code current}, the wanted ones as amazon.aws's
     * {@code ensure_ec2_tags} does ({@code null} wanted: leave them; an empty dict with
     * {@code purge} removes every tag, AWS's reserved ones included), without describing them again.
     */
    static Outcome ensure(
            AwsSession aws,
            ModuleContext context,
            String resource,
            Map<String, String> current,
            Map<String, Object> wanted,
            boolean purge) {
        if (wanted == null) {
            return new Outcome(false, current);
        }
        TagChanges changes = TagChanges.of(current, wanted, purge);
        List<String> remove = purge && wanted.isEmpty() ? List.copyOf(current.keySet()) : changes.remove();
        Map<String, Object> shown = new LinkedHashMap<>();
        changes.set().keySet().forEach(key -> shown.put(key, wanted.get(key)));
        boolean changed =
                remove(aws, context, resource, remove, "%s") | add(aws, context, resource, changes.set(), shown);
        if (!changed || context.checkMode()) {
            return new Outcome(changed, current);
        }
        Map<String, String> after = new LinkedHashMap<>(current);
        remove.forEach(after::remove);
        after.putAll(changes.set());
        return new Outcome(true, after);
    }

    /**
     * The tags a new resource is created with, as amazon.aws's {@code boto3_tag_specifications}
     * (values as Python's {@code str}): none for no or empty tags.
     */
    static List<TagSpecification> specifications(ResourceType type, Map<String, Object> tags) {
        if (tags == null || tags.isEmpty()) {
            return List.of();
        }
        List<Tag> list = new ArrayList<>();
        tags.forEach((key, value) ->
                list.add(Tag.builder().key(key).value(PythonRepr.str(value)).build()));
        return List.of(TagSpecification.builder().resourceType(type).tags(list).build());
    }

    /**
     * What {@link #ensure} did.
     *
     * @param changed whether tags were (or in check mode would be) changed
     * @param tags    the tags after the change (in check mode, the current ones)
     */
    record Outcome(boolean changed, Map<String, String> tags) {}
}
