package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import dev.rolehop.engine.yaml.YamlLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code include_vars}: loads variables from a YAML/JSON file (found in vars/), optionally under {@code name}. */
public final class IncludeVarsModule implements ActionModule {

    @Override
    public String name() {
        return "ansible.builtin.include_vars";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("include_vars", "ansible.legacy.include_vars");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of(
                        Argument.of("_raw_params", ArgumentType.STR),
                        Argument.of("file", ArgumentType.PATH),
                        Argument.of("name", ArgumentType.STR),
                        Argument.of("dir", ArgumentType.PATH))
                .withFreeForm();
    }

    @Override
    public ModuleResult run(ModuleArgs args, ActionContext context) {
        String file = args.string("file")
                .or(() -> args.string("_raw_params"))
                .orElseThrow(() -> new ModuleFailure("file or dir is required"));
        Path path = context.findFile("vars", file);
        if (!Files.isRegularFile(path)) {
            throw new ModuleFailure("Could not find or access '" + file + "' on the Ansible Controller.\nIf you are "
                    + "using a module and expect the file to exist on the remote, see the remote_src option");
        }
        Object data = YamlLoader.load(path, context.templar().vault());
        Map<String, Object> vars = new LinkedHashMap<>();
        if (data instanceof Map<?, ?> map) {
            map.forEach((k, v) -> vars.put(String.valueOf(k), v));
        } else if (data != null) {
            throw new ModuleFailure(path + " must be stored as a dictionary/hash");
        }
        Map<String, Object> facts = args.string("name")
                .<Map<String, Object>>map(n -> {
                    Map<String, Object> wrapped = new LinkedHashMap<>();
                    wrapped.put(n, vars);
                    return wrapped;
                })
                .orElse(vars);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("ansible_facts", facts);
        values.put("ansible_included_var_files", List.of(path.toString()));
        return ModuleResult.ok(values);
    }
}
