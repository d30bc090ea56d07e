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
     * The outcome of {@link #ensure}.
     *
     * @param changed whether tags were (or, in check mode, would be) changed
     * @param tags    the resource's tags afterwards (in check mode, as they were)
     */
    record Ensured(boolean changed, Map<String, String> tags) {}

    /**
     * Makes a resource's tags the wanted ones as amazon.aws's {@code ensure_ec2_tags}, from tags
     * already described: {@code wanted == null} changes nothing, an empty dict with {@code purge}
     * removes every tag (AWS's reserved ones included). The result's tags are computed, not
     * described again.
     */
    static Ensured ensure(
            AwsSession aws,
            ModuleContext context,
            String id,
            Map<String, String> current,
            Map<String, ?> wanted,
            boolean purge) {
        if (wanted == null) {
            return new Ensured(false, current);
        }
        TagChanges changes = TagChanges.of(current, wanted, purge);
        List<String> remove = purge && wanted.isEmpty() ? List.copyOf(current.keySet()) : changes.remove();
        Map<String, Object> shown = new LinkedHashMap<>();
        changes.set().keySet().forEach(key -> shown.put(key, wanted.get(key)));
        boolean changed = remove(aws, context, id, remove, "%s") | add(aws, context, id, changes.set(), shown);
        if (context.checkMode()) {
            return new Ensured(changed, current);
        }
        Map<String, String> after = new LinkedHashMap<>(current);
        remove.forEach(after::remove);
        after.putAll(changes.set());
        return new Ensured(changed, after);
    }

    /** The tag specification that tags a new resource as it is created, as amazon.aws's {@code boto3_tag_specifications}. */
    static TagSpecification specification(ResourceType type, Map<String, String> tags) {
        List<Tag> list = new ArrayList<>();
        tags.forEach(
                (key, value) -> list.add(Tag.builder().key(key).value(value).build()));
        return TagSpecification.builder().resourceType(type).tags(list).build();
    }

    /** The tag specifications of a new resource for a module's {@code tags} argument: none for no or empty tags. */
    static List<TagSpecification> specifications(ResourceType type, Map<String, Object> tags) {
        return tags == null || tags.isEmpty()
                ? List.of()
                : List.of(
                        specification(type, TagChanges.of(Map.of(), tags, false).set()));
    }
}
