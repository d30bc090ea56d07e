package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** {@code file}: makes a path a directory, a file, a link, absent, or touches it; sets its mode. */
public final class FileModule implements Module {

    @Override
    public String name() {
        return "ansible.builtin.file";
    }

    @Override
    public Set<String> aliases() {
        return Set.of("file", "ansible.legacy.file");
    }

    @Override
    public ArgumentSpec argumentSpec() {
        return ArgumentSpec.of(
                Argument.of("path", ArgumentType.PATH).asRequired().withAliases("dest", "name"),
                Argument.of("state", ArgumentType.STR)
                        .withChoices("absent", "directory", "file", "hard", "link", "touch"),
                Argument.of("mode", ArgumentType.RAW),
                Argument.of("src", ArgumentType.PATH),
                Argument.of("recurse", ArgumentType.BOOL).withDefault(false),
                Argument.of("force", ArgumentType.BOOL).withDefault(false),
                Argument.of("owner", ArgumentType.STR),
                Argument.of("group", ArgumentType.STR));
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext context) {
        Path path = Path.of(args.string("path").orElseThrow());
        String before = FileFacts.state(path);
        String state = args.string("state").orElse(before.equals("absent") ? "file" : before);
        boolean changed;
        try {
            Change diff = Change.initial(path, before, state);
            changed = switch (state) {
                case "absent" -> absent(path, context);
                case "directory" -> directory(path, context);
                case "touch" -> touch(path, context);
                case "link" -> link(path, args, context);
                case "file" -> {
                    if (before.equals("absent")) {
                        throw new ModuleFailure(
                                "file (" + path + ") is absent, cannot continue",
                                Map.of("path", path.toString(), "state", "absent"));
                    }
                    yield false;
                }
                default -> throw new ModuleFailure("state " + state + " is not supported by rolehop's file module");
            };
            if (!state.equals("absent") && !context.checkMode() && Files.exists(path)) {
                Object previous = FileFacts.of(path).get("mode");
                if (FileFacts.applyMode(path, args.get("mode"))) {
                    changed = true;
                    diff.before().put("mode", previous);
                    diff.after().put("mode", FileFacts.of(path).get("mode"));
                }
            }
            Map<String, Object> values =
                    new LinkedHashMap<>(context.checkMode() ? Map.of("path", path.toString()) : FileFacts.of(path));
            values.put("changed", changed);
            return changed
                    ? ModuleResult.changed(values).withDiff(new ModuleResult.Diff(diff.before(), diff.after()))
                    : ModuleResult.ok(values);
        } catch (IOException e) {
            throw new ModuleFailure("Error on " + path + ": " + e.getMessage(), Map.of("path", path.toString()));
        }
    }

    /** What the diff shows of the path before and after, filled in as the module changes it. */
    private record Change(Map<String, Object> before, Map<String, Object> after) {

        /**
         * Ansible's {@code initial_diff}, taken before the change: the path, its state before and
         * after when they differ, and what a directory about to be removed holds.
         */
        static Change initial(Path path, String before, String state) throws IOException {
            Change change = new Change(new LinkedHashMap<>(), new LinkedHashMap<>());
            change.before().put("path", path.toString());
            change.after().put("path", path.toString());
            if (!before.equals(state)) {
                change.before().put("state", before);
                change.after().put("state", state);
                if (state.equals("absent") && before.equals("directory")) {
                    change.before().put("path_content", FileFacts.contents(path));
                }
            }
            return change;
        }
    }

    private static boolean absent(Path path, ModuleContext context) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!context.checkMode()) {
            deleteTree(path);
        }
        return true;
    }

    private static boolean directory(Path path, ModuleContext context) throws IOException {
        if (Files.isDirectory(path)) {
            return false;
        }
        if (Files.exists(path)) {
            throw new ModuleFailure(path + " already exists as a file");
        }
        if (!context.checkMode()) {
            Files.createDirectories(path);
        }
        return true;
    }

    private static boolean touch(Path path, ModuleContext context) throws IOException {
        if (!context.checkMode()) {
            if (Files.exists(path)) {
                Files.setLastModifiedTime(path, FileTime.fromMillis(System.currentTimeMillis()));
            } else {
                Files.createFile(path);
            }
        }
        return true;
    }

    private static boolean link(Path path, ModuleArgs args, ModuleContext context) throws IOException {
        Path src =
                Path.of(args.string("src").orElseThrow(() -> new ModuleFailure("src is required for creating links")));
        if (Files.isSymbolicLink(path) && Files.readSymbolicLink(path).equals(src)) {
            return false;
        }
        if (!context.checkMode()) {
            Files.deleteIfExists(path);
            Files.createSymbolicLink(path, src);
        }
        return true;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.isDirectory(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(root);
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
