package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleResult;
import dev.rolehop.engine.template.PythonText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code group_by}: asks for the host to be put in a group named by {@code key} (created under
 * {@code parents}, default {@code all}), as Ansible 2.14's action plugin does; spaces in names
 * become dashes. The strategy changes the inventory and decides {@code changed}.
 */
public final class GroupByModule implements ActionModule {

    private static final Set<String> VALID = Set.of("key", "parents");

    @Override
    public String name() {
        return "ansible.builtin.group_by";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("group_by", "ansible.legacy.group_by");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of();
    }

    /** Ansible checks its {@code _VALID_ARGS} itself, with its own message. */
    @Override
    public boolean acceptsAnyArguments() {
        return true;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ActionContext context) {
        List<String> invalid = args.asMap().keySet().stream()
                .filter(key -> !VALID.contains(key))
                .toList();
        if (!invalid.isEmpty()) {
            throw ActionFailure.of("Invalid options for group_by: " + String.join(",", invalid));
        }
        if (!args.asMap().containsKey("key")) {
            return ModuleResult.failed("the 'key' param is required when using group_by", Map.of());
        }
        Object parents = args.asMap().getOrDefault("parents", List.of("all"));
        List<String> parentGroups = new ArrayList<>();
        for (Object parent : parents instanceof List<?> list ? list : List.of(parents)) {
            parentGroups.add(groupName(parent));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("add_group", groupName(args.get("key")));
        result.put("parent_groups", parentGroups);
        return ModuleResult.ok(result);
    }

    private static String groupName(Object value) {
        return PythonText.str(value).replace(' ', '-');
    }
}
