package dev.rolehop.aws.ec2;

import dev.rolehop.aws.AwsModule;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@code ec2_tag}: sets ({@code state: present}, optionally purging the others) or removes
 * ({@code state: absent}, a {@code null} value matching any) tags of one EC2 resource, as
 * amazon.aws 5.5 does, returning {@code tags}, {@code added_tags} and {@code removed_tags}. One
 * DescribeTags, then at most a DeleteTags and a CreateTags; the resulting tags are computed from
 * the change instead of being described twice more, and check mode makes no mutating call.
 */
public final class TagModule extends AwsModule {

    public TagModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_tag",
                Set.of("ec2_tag"),
                clients,
                ArgumentSpec.of(
                        Argument.of("resource", ArgumentType.STR).asRequired(),
                        Argument.of("tags", ArgumentType.DICT).asRequired(),
                        Argument.of("purge_tags", ArgumentType.BOOL).withDefault(false),
                        Argument.of("state", ArgumentType.STR)
                                .withDefault("present")
                                .withChoices("present", "absent")));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        String resource = args.string("resource").orElseThrow();
        Map<String, Object> wanted = args.dict("tags");
        Map<String, String> current = ResourceTags.of(aws, resource);
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>(current);
        boolean changed;
        if ("absent".equals(args.string("state").orElse("present"))) {
            Map<String, String> removed = new LinkedHashMap<>();
            wanted.forEach((key, value) -> {
                if (current.containsKey(key) && (value == null || Objects.equals(current.get(key), value))) {
                    removed.put(key, current.get(key));
                }
            });
            values.put("removed_tags", removed);
            // amazon.aws passes dict.keys() here, which its message shows as dict_keys([...]).
            ResourceTags.remove(aws, context, resource, List.copyOf(removed.keySet()), "dict_keys(%s)");
            removed.keySet().forEach(after::remove);
            changed = !removed.isEmpty();
        } else {
            boolean purge = args.get("purge_tags") != null && args.bool("purge_tags");
            TagChanges changes = TagChanges.of(current, wanted, purge);
            if (!changes.remove().isEmpty()) {
                Map<String, String> removed = new LinkedHashMap<>();
                changes.remove().forEach(key -> removed.put(key, current.get(key)));
                values.put("removed_tags", removed);
            }
            Map<String, Object> added = new LinkedHashMap<>();
            changes.set().keySet().forEach(key -> added.put(key, wanted.get(key)));
            values.put("added_tags", added);
            // An empty dict with purge_tags removes every tag, AWS's reserved ones included.
            List<String> remove = purge && wanted.isEmpty() ? List.copyOf(current.keySet()) : changes.remove();
            boolean removedAny = ResourceTags.remove(aws, context, resource, remove, "%s");
            boolean addedAny = ResourceTags.add(aws, context, resource, changes.set(), added);
            remove.forEach(after::remove);
            after.putAll(changes.set());
            changed = removedAny || addedAny;
        }
        values.put("tags", context.checkMode() ? current : after);
        return changed ? ModuleResult.changed(values) : ModuleResult.ok(values);
    }
}
