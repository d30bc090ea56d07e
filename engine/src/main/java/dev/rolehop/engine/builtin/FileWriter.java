package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes content to a destination as {@code copy} and {@code template} do: nothing when the
 * checksum already matches, else an atomic replace (temp file in the same directory, fsync,
 * rename); in check mode only reports. Returns the module result with its diff.
 */
final class FileWriter {

    private FileWriter() {}

    static ModuleResult write(byte[] content, Path dest, String srcLabel, Object mode, ActionContext context) {
        Path target = Files.isDirectory(dest) && srcLabel != null
                ? dest.resolve(Path.of(srcLabel).getFileName())
                : dest;
        boolean exists = Files.isRegularFile(target);
        byte[] old;
        try {
            old = exists ? Files.readAllBytes(target) : null;
        } catch (IOException e) {
            throw new ModuleFailure("Destination " + target + " is not readable: " + e.getMessage());
        }
        String checksum = FileFacts.sha1(content);
        boolean changed = old == null || !FileFacts.sha1(old).equals(checksum);
        if (changed && !context.checkMode()) {
            if (target.getParent() != null && !Files.isDirectory(target.getParent())) {
                throw new ModuleFailure("Destination directory " + target.getParent() + " does not exist");
            }
            atomicWrite(target, content);
        }
        if (!context.checkMode() && Files.exists(target)) {
            changed |= FileFacts.applyMode(target, mode);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("checksum", checksum);
        values.put("dest", target.toString());
        values.put("md5sum", FileFacts.md5(content));
        values.put("size", (long) content.length);
        values.put("state", "file");
        if (!context.checkMode()) {
            Map<String, Object> facts = FileFacts.of(target);
            for (String key : new String[] {"mode", "owner", "group", "uid", "gid"}) {
                if (facts.containsKey(key)) {
                    values.put(key, facts.get(key));
                }
            }
        }
        if (srcLabel != null) {
            values.put("src", srcLabel);
        }
        ModuleResult result = changed ? ModuleResult.changed(values) : ModuleResult.ok(values);
        if (changed) {
            result = result.withDiff(new ModuleResult.Diff(
                    old == null ? "" : text(old), text(content), exists ? target.toString() : null, srcLabel));
        }
        return result;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void atomicWrite(Path target, byte[] content) {
        Path dir = target.toAbsolutePath().getParent();
        try {
            Path temp = Files.createTempFile(dir, ".rolehop-", ".tmp");
            try {
                Files.write(temp, content);
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                if (Files.exists(target)) {
                    Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
                } else {
                    Files.setPosixFilePermissions(
                            temp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ModuleFailure("Could not write " + target + ": " + e.getMessage());
        }
    }
}
