package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import dev.rolehop.engine.template.PythonText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** {@code copy}: writes {@code content} or the file {@code src} (found in files/) to {@code dest} on the control host. */
public final class CopyModule implements ActionModule {

    @Override
    public String name() {
        return "ansible.builtin.copy";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("copy", "ansible.legacy.copy");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of(
                        Argument.of("src", ArgumentType.PATH),
                        Argument.of("content", ArgumentType.RAW),
                        Argument.of("dest", ArgumentType.PATH).asRequired(),
                        Argument.of("mode", ArgumentType.RAW),
                        Argument.of("force", ArgumentType.BOOL).withDefault(true),
                        Argument.of("backup", ArgumentType.BOOL).withDefault(false),
                        Argument.of("remote_src", ArgumentType.BOOL).withDefault(false),
                        Argument.of("owner", ArgumentType.STR),
                        Argument.of("group", ArgumentType.STR))
                .mutuallyExclusive("src", "content")
                .requiredOneOf("src", "content");
    }

    @Override
    public ModuleResult run(ModuleArgs args, ActionContext context) {
        Path dest = Path.of(args.string("dest").orElseThrow());
        if (args.asMap().containsKey("content")) {
            Object content = args.get("content");
            String text = content instanceof Map || content instanceof java.util.List
                    ? dev.rolehop.engine.output.PyJson.plain(content)
                    : PythonText.str(content);
            if (!args.bool("force") && Files.exists(dest)) {
                return ModuleResult.ok(Map.of("dest", dest.toString()));
            }
            return FileWriter.write(text.getBytes(StandardCharsets.UTF_8), dest, null, args.get("mode"), context);
        }
        String src = args.string("src").orElseThrow();
        Path source = args.bool("remote_src") ? Path.of(src) : context.findFile("files", src);
        if (!Files.isRegularFile(source)) {
            throw new ModuleFailure("Could not find or access '" + src + "'\nSearched in:\n\t"
                    + context.baseDir().resolve("files").resolve(src) + "\n\t"
                    + context.baseDir().resolve(src)
                    + "\n\t" + context.playbookDir().resolve("files").resolve(src) + "\n\t"
                    + context.playbookDir().resolve(src) + " on the Ansible Controller.\nIf you are using a module "
                    + "and expect the file to exist on the remote, see the remote_src option");
        }
        if (!args.bool("force") && Files.exists(dest)) {
            return ModuleResult.ok(Map.of("dest", dest.toString()));
        }
        try {
            byte[] content = args.bool("remote_src") ? Files.readAllBytes(source) : context.readControllerFile(source);
            return FileWriter.write(content, dest, source.toString(), args.get("mode"), context);
        } catch (IOException e) {
            throw new ModuleFailure("Could not read " + source + ": " + e.getMessage());
        }
    }
}
