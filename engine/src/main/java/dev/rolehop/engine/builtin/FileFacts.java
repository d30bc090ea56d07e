package dev.rolehop.engine.builtin;

import dev.rolehop.engine.module.ModuleFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** File details as Ansible's file-handling modules return them (mode, owner, size, checksum), and mode setting. */
final class FileFacts {

    private FileFacts() {}

    /** Ansible's {@code state} of a path: absent, directory, link or file. */
    static String state(Path path) {
        if (Files.isSymbolicLink(path)) {
            return "link";
        }
        if (!Files.exists(path)) {
            return "absent";
        }
        return Files.isDirectory(path) ? "directory" : "file";
    }

    /** path, state, mode, owner, group, uid, gid, size, as the file module returns them. */
    static Map<String, Object> of(Path path) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("path", path.toString());
        out.put("state", state(path));
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try {
            PosixFileAttributes attributes =
                    Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            out.put("mode", octal(attributes.permissions()));
            out.put("owner", attributes.owner().getName());
            out.put("group", attributes.group().getName());
            out.put("uid", ((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue());
            out.put("gid", ((Number) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS)).longValue());
            out.put("size", attributes.size());
        } catch (IOException | UnsupportedOperationException e) {
            // A file system without POSIX attributes: report the path and state only.
        }
        return out;
    }

    /**
     * What a directory holds, as the file module's diff of its removal lists it ({@code path_content}):
     * every folder and file below it, top-down like Python's {@code os.walk} (names in sorted order,
     * where os.walk takes the file system's).
     */
    static Map<String, Object> contents(Path dir) throws IOException {
        List<String> directories = new ArrayList<>();
        List<String> files = new ArrayList<>();
        walk(dir, directories, files);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("directories", directories);
        out.put("files", files);
        return out;
    }

    private static void walk(Path dir, List<String> directories, List<String> files) throws IOException {
        List<Path> entries;
        try (Stream<Path> listing = Files.list(dir)) {
            entries = listing.sorted().toList();
        }
        List<Path> below = new ArrayList<>();
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                directories.add(entry.toString());
                if (!Files.isSymbolicLink(entry)) {
                    below.add(entry);
                }
            } else {
                files.add(entry.toString());
            }
        }
        for (Path sub : below) {
            walk(sub, directories, files);
        }
    }

    static String octal(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= 1 << (8 - p.ordinal());
        }
        return String.format("%04o", mode);
    }

    /** Applies a {@code mode} given as octal digits ({@code "0644"}, {@code 644}) or symbolic ({@code u=rw,g=r,o=r}); true if it changed. */
    static boolean applyMode(Path path, Object mode) {
        if (mode == null) {
            return false;
        }
        try {
            Set<PosixFilePermission> current = Files.getPosixFilePermissions(path);
            Set<PosixFilePermission> wanted = parseMode(String.valueOf(mode));
            if (current.equals(wanted)) {
                return false;
            }
            Files.setPosixFilePermissions(path, wanted);
            return true;
        } catch (IOException e) {
            throw new ModuleFailure("Error while setting mode of " + path + ": " + e.getMessage());
        }
    }

    private static Set<PosixFilePermission> parseMode(String mode) {
        String text = mode.strip();
        if (text.matches("0?[0-7]{3}")) {
            int bits = Integer.parseInt(text, 8);
            StringBuilder rwx = new StringBuilder();
            for (int shift = 6; shift >= 0; shift -= 3) {
                int part = bits >> shift & 7;
                rwx.append((part & 4) != 0 ? 'r' : '-')
                        .append((part & 2) != 0 ? 'w' : '-')
                        .append((part & 1) != 0 ? 'x' : '-');
            }
            return PosixFilePermissions.fromString(rwx.toString());
        }
        if (text.matches("[rwx-]{9}")) {
            return PosixFilePermissions.fromString(text);
        }
        throw new ModuleFailure("mode must be in octal or symbolic form; got " + mode);
    }

    static String sha1(byte[] data) {
        return digest("SHA-1", data);
    }

    static String md5(byte[] data) {
        return digest("MD5", data);
    }

    private static String digest(String algorithm, byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every JVM", e);
        }
    }
}
