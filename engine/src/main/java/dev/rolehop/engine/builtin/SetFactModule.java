package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import dev.rolehop.python.Booleans;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code set_fact}: sets host variables from its arguments. As in Ansible 2.14 (jinja2_native
 * off), string values {@code yes/no/true/false} become booleans; {@code cacheable} is accepted.
 */
public final class SetFactModule implements ActionModule {

    private static final Pattern IDENTIFIER = Pattern.compile("^[a-zA-Z_][a-zA-Z0-9_]*$");

    @Override
    public String name() {
        return "ansible.builtin.set_fact";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("set_fact", "ansible.legacy.set_fact");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of();
    }

    @Override
    public boolean acceptsAnyArguments() {
        return true;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ActionContext context) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : args.asMap().entrySet()) {
            String key = entry.getKey();
            if (key.equals("cacheable")) {
                continue;
            }
            if (!IDENTIFIER.matcher(key).matches()) {
                throw new ModuleFailure("The variable name '" + key + "' is not valid. Variables must start with a "
                        + "letter or underscore character, and contain only letters, numbers and underscores.");
            }
            Object value = entry.getValue();
            if (value instanceof String s
                    && Set.of("true", "false", "yes", "no").contains(s.toLowerCase(java.util.Locale.ROOT))) {
                value = Booleans.lenient(s);
            }
            facts.put(key, value);
        }
        if (facts.isEmpty()) {
            throw new ModuleFailure("No key/value pairs provided, at least one is required for this action to succeed");
        }
        return ModuleResult.ok(Map.of("ansible_facts", facts));
    }
}
