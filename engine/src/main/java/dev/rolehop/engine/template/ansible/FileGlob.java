package dev.rolehop.engine.template.ansible;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Python's {@code glob.glob} for regular files, behind Ansible's {@code fileglob} filter and
 * lookup: {@code *}, {@code ?} and {@code [...]} within one path component, hidden files only
 * when the pattern component starts with a dot. Results are sorted (Python's order is the
 * directory's, which is unspecified).
 */
final class FileGlob {
    private FileGlob() {}

    /** Returns the regular files matching the pattern (relative to {@code base} when relative). */
    static List<String> files(String pattern, Path base) {
        boolean absolute = pattern.startsWith("/");
        List<String> parts = new ArrayList<>(List.of(pattern.split("/+")));
        parts.removeIf(String::isEmpty);
        List<String> matches = new ArrayList<>();
        expand(absolute ? Path.of("/") : base, absolute ? "/" : "", parts, 0, matches);
        matches.removeIf(path -> !Files.isRegularFile(absolute ? Path.of(path) : base.resolve(path)));
        matches.sort(null);
        return matches;
    }

    private static void expand(Path dir, String prefix, List<String> parts, int index, List<String> out) {
        if (index == parts.size()) {
            out.add(prefix.endsWith("/") && prefix.length() > 1 ? prefix.substring(0, prefix.length() - 1) : prefix);
            return;
        }
        String part = parts.get(index);
        if (!part.matches(".*[*?\\[].*")) {
            Path next = dir.resolve(part);
            if (Files.exists(next)) {
                expand(next, prefix + part + "/", parts, index + 1, out);
            }
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            // Java globs read {a,b} as alternatives; Python globs take braces literally.
            var matcher = dir.getFileSystem()
                    .getPathMatcher("glob:" + part.replace("{", "\\{").replace("}", "\\}"));
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if ((name.startsWith(".") == part.startsWith(".")) && matcher.matches(entry.getFileName())) {
                    expand(entry, prefix + name + "/", parts, index + 1, out);
                }
            }
        } catch (IOException e) {
            // An unreadable or missing directory matches nothing, as in Python's glob.
        }
    }
}
