package dev.rolehop.engine.executor;

import dev.rolehop.engine.playbook.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds files a task names relatively, in Ansible's search order: the role's {@code KIND/} and the
 * role itself, then {@code KIND/} beside the task's file and that directory, then the playbook's
 * {@code KIND/} and the playbook directory. Returns the first candidate when nothing exists.
 */
record FileFinder(Role role, Path taskDir, Path playbookDir) {

    Path find(String kind, String name) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return given;
        }
        List<Path> candidates = new ArrayList<>();
        if (role != null) {
            candidates.add(role.path().resolve(kind).resolve(name));
            candidates.add(role.path().resolve(name));
        }
        candidates.add(taskDir.resolve(kind).resolve(name));
        candidates.add(taskDir.resolve(name));
        candidates.add(playbookDir.resolve(kind).resolve(name));
        candidates.add(playbookDir.resolve(name));
        for (Path candidate : candidates) {
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return candidates.get(0);
    }
}
