package dev.rolehop.engine.template.ansible;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Ansible's file tests on controller paths ({@code os.path}): {@code directory}, {@code file},
 * {@code link}, {@code exists}, {@code link_exists}, {@code abs}, {@code same_file} and
 * {@code mount}, each also under its {@code is_} name. Relative paths are relative to the
 * working directory, as in Ansible.
 */
final class PathTests {
    private PathTests() {}

    static List<PluginTest> all() {
        List<PluginTest> tests = new ArrayList<>();
        add(tests, "directory", "is_dir", (value, args, interpreter) -> Files.isDirectory(path(value)));
        add(tests, "file", "is_file", (value, args, interpreter) -> Files.isRegularFile(path(value)));
        add(tests, "link", "is_link", (value, args, interpreter) -> Files.isSymbolicLink(path(value)));
        tests.add(new PluginTest("exists", (value, args, interpreter) -> Files.exists(path(value))));
        tests.add(new PluginTest(
                "link_exists", (value, args, interpreter) -> Files.exists(path(value), LinkOption.NOFOLLOW_LINKS)));
        add(
                tests,
                "abs",
                "is_abs",
                (value, args, interpreter) -> PythonRepr.str(value).startsWith("/"));
        add(tests, "same_file", "is_same_file", (value, args, interpreter) -> sameFile(value, args.get(0, "f2", null)));
        add(tests, "mount", "is_mount", (value, args, interpreter) -> isMount(path(value)));
        return tests;
    }

    private static void add(List<PluginTest> tests, String name, String alias, PluginTest.Body body) {
        tests.add(new PluginTest(name, body));
        tests.add(new PluginTest(alias, body));
    }

    private static Path path(Object value) {
        return Path.of(PythonRepr.str(value));
    }

    private static boolean sameFile(Object a, Object b) {
        try {
            return Files.isSameFile(path(a), path(b));
        } catch (IOException e) {
            throw new AnsibleFilterError(
                    "[Errno 2] No such file or directory: "
                            + PythonRepr.repr(PythonRepr.str(Files.exists(path(a)) ? b : a)),
                    "FileNotFoundError");
        }
    }

    /** A mount point is a directory whose file store differs from its parent's, or the root. */
    private static boolean isMount(Path path) {
        try {
            Path real = path.toRealPath();
            Path parent = real.getParent();
            return parent == null || !Files.getFileStore(real).equals(Files.getFileStore(parent));
        } catch (IOException e) {
            return false;
        }
    }
}
