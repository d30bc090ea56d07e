package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import dev.rolehop.engine.template.TemplateException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** {@code template}: renders a Jinja2 file from templates/ with the task's variables and writes it like {@code copy}. */
public final class TemplateModule implements ActionModule {

    @Override
    public String name() {
        return "ansible.builtin.template";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("template", "ansible.legacy.template");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of(
                Argument.of("src", ArgumentType.PATH).asRequired(),
                Argument.of("dest", ArgumentType.PATH).asRequired(),
                Argument.of("mode", ArgumentType.RAW),
                Argument.of("force", ArgumentType.BOOL).withDefault(true),
                Argument.of("backup", ArgumentType.BOOL).withDefault(false),
                Argument.of("owner", ArgumentType.STR),
                Argument.of("group", ArgumentType.STR));
    }

    @Override
    public ModuleResult run(ModuleArgs args, ActionContext context) {
        String src = args.string("src").orElseThrow();
        Path source = context.findFile("templates", src);
        if (!Files.isRegularFile(source)) {
            throw new ModuleFailure("Could not find or access '" + src + "'");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .decode(ByteBuffer.wrap(context.readControllerFile(source)))
                    .toString();
        } catch (IOException e) {
            throw new ModuleFailure("Could not read " + source + ": " + e.getMessage());
        }
        Map<String, Object> vars = new HashMap<>(context.variables());
        vars.put("template_path", source.toString());
        vars.put("template_fullpath", source.toAbsolutePath().toString());
        vars.put("template_destpath", args.string("dest").orElseThrow());
        vars.put("ansible_managed", "Ansible managed");
        String rendered;
        try {
            rendered = context.templar().renderText(text, vars);
        } catch (TemplateException e) {
            throw new ModuleFailure(e.getMessage());
        }
        Path dest = Path.of(args.string("dest").orElseThrow());
        if (!args.bool("force") && Files.exists(dest)) {
            return ModuleResult.ok(Map.of("dest", dest.toString()));
        }
        return FileWriter.write(
                rendered.getBytes(StandardCharsets.UTF_8), dest, source.toString(), args.get("mode"), context);
    }
}
