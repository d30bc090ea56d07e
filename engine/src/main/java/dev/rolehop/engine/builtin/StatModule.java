package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code stat}: whether a path exists and what it is (isdir, isreg, islnk, size, mode, checksum...). */
public final class StatModule implements Module {

    @Override
    public String name() {
        return "ansible.builtin.stat";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("stat", "ansible.legacy.stat");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of(
                Argument.of("path", ArgumentType.PATH).asRequired().withAliases("dest", "name"),
                Argument.of("follow", ArgumentType.BOOL).withDefault(false),
                Argument.of("get_checksum", ArgumentType.BOOL).withDefault(true),
                Argument.of("checksum_algorithm", ArgumentType.STR).withDefault("sha1"),
                Argument.of("get_mime", ArgumentType.BOOL).withDefault(true),
                Argument.of("get_attributes", ArgumentType.BOOL).withDefault(true));
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext context) {
        Path path = Path.of(args.string("path").orElseThrow());
        Map<String, Object> stat = new LinkedHashMap<>();
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            stat.put("exists", false);
            return ModuleResult.ok(Map.of("stat", stat));
        }
        stat.put("exists", true);
        stat.put("path", path.toString());
        stat.put("isdir", Files.isDirectory(path));
        stat.put("isreg", Files.isRegularFile(path));
        stat.put("islnk", Files.isSymbolicLink(path));
        Map<String, Object> facts = FileFacts.of(path);
        for (String key : new String[] {"mode", "owner", "group", "uid", "gid", "size"}) {
            if (facts.containsKey(key)) {
                stat.put(key.equals("owner") ? "pw_name" : key.equals("group") ? "gr_name" : key, facts.get(key));
            }
        }
        stat.put("readable", Files.isReadable(path));
        stat.put("writeable", Files.isWritable(path));
        stat.put("executable", Files.isExecutable(path));
        if (Files.isRegularFile(path) && args.bool("get_checksum")) {
            try {
                stat.put("checksum", FileFacts.sha1(Files.readAllBytes(path)));
            } catch (IOException e) {
                // Unreadable: Ansible leaves the checksum out too.
            }
        }
        return ModuleResult.ok(Map.of("stat", stat));
    }
}
