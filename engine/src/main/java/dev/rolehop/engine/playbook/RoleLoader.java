package dev.rolehop.engine.playbook;

import dev.rolehop.engine.error.ParseError;
import dev.rolehop.engine.yaml.Position;
import dev.rolehop.engine.yaml.YamlLoader;
import dev.rolehop.engine.yaml.YamlMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds and loads roles ({@code roles/NAME/{tasks,handlers,defaults,vars,meta}/main.yml}) and
 * builds the scope of each use of one, its dependencies first.
 */
public final class RoleLoader {

    private final PlaybookLoader loader;
    private final Map<Path, Role> cache = new HashMap<>();

    RoleLoader(PlaybookLoader loader) {
        this.loader = loader;
    }

    /** A role named in a play's {@code roles:} list (a name or a mapping with {@code role:}). */
    RoleScope use(Object reference, Scope parent, Path dir, Position where) {
        Reference ref = reference(reference, where);
        return scope(load(ref.name(), dir, ref.position()), parent, ref.keywords(), ref.position(), 0);
    }

    /** A role reference as written: the role's name and the keywords and parameters given with it. */
    private record Reference(String name, Map<String, Object> keywords, Position position) {
    }

    private static Reference reference(Object reference, Position where) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        String name;
        Position position = YamlMap.positionOf(reference, where);
        if (reference instanceof Map<?, ?> map) {
            Object role = map.containsKey("role") ? map.get("role") : map.get("name");
            if (role == null) {
                throw new ParseError("role definitions must contain a role name", position);
            }
            name = String.valueOf(role);
            Map<String, Object> params = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (key.equals("role") || key.equals("name")) {
                    continue;
                }
                if (Keywords.ROLE_REFERENCE.contains(key)) {
                    keywords.put(key, entry.getValue());
                } else {
                    params.put(key, entry.getValue());
                }
            }
            if (!params.isEmpty()) {
                Map<String, Object> vars = new LinkedHashMap<>(params);
                if (keywords.get("vars") instanceof Map<?, ?> own) {
                    own.forEach((k, v) -> vars.put(String.valueOf(k), v));
                }
                keywords.put("vars", vars);
            }
        } else {
            name = String.valueOf(reference);
        }
        return new Reference(name, keywords, position);
    }

    /** The role of an {@code import_role} task, loaded now. */
    RoleScope importRole(Task task, Path dir) {
        Object name = task.args().get("name");
        if (name == null) {
            throw new ParseError("'name' is a required field for import_role.", task.position());
        }
        Map<String, Object> keywords = new LinkedHashMap<>();
        for (String keyword : List.of("when", "tags", "vars", "ignore_errors", "no_log", "check_mode", "diff",
                "environment", "delegate_to", "run_once", "any_errors_fatal", "module_defaults")) {
            if (task.own(keyword) != null) {
                keywords.put(keyword, task.own(keyword));
            }
        }
        return scope(load(String.valueOf(name), dir, task.position()), task.parent(), keywords, task.position(), 0);
    }

    /** A role use created at run time by {@code include_role}. */
    public RoleScope include(String name, Scope parent, Map<String, Object> keywords, Path dir, Position position) {
        return scope(load(name, dir, position), parent, keywords, position, 0);
    }

    private RoleScope scope(Role role, Scope parent, Map<String, Object> keywords, Position position, int depth) {
        if (depth > 20) {
            throw new ParseError("role dependencies of '" + role.name() + "' nest too deeply (a cycle?)", position);
        }
        RoleScope scope = new RoleScope(parent, keywords, position, role);
        List<Scope> items = new ArrayList<>();
        for (Object dependency : role.dependencies()) {
            items.add(dependencyScope(dependency, scope, depth));
        }
        Path tasksFile = mainFile(role.path().resolve("tasks"));
        if (tasksFile != null) {
            items.addAll(loader.loadTaskFile(tasksFile, scope, false));
        }
        List<Scope> handlers = new ArrayList<>();
        Path handlersFile = mainFile(role.path().resolve("handlers"));
        if (handlersFile != null) {
            handlers.addAll(loader.loadTaskFile(handlersFile, scope, true));
        }
        for (Scope item : items) {
            if (item instanceof RoleScope dependency) {
                handlers.addAll(dependency.handlers());
            }
        }
        scope.contents(items, handlers);
        return scope;
    }

    private RoleScope dependencyScope(Object dependency, RoleScope parent, int depth) {
        Role owner = parent.roleDefinition();
        Position position = YamlMap.positionOf(dependency, parent.position());
        Reference ref = reference(dependency, position);
        return scope(load(ref.name(), owner.path().getParent().getParent(), position), parent, ref.keywords(),
                position, depth + 1);
    }

    Role load(String name, Path dir, Position position) {
        Path path = locate(name, dir);
        if (path == null) {
            throw new ParseError("the role '" + name + "' was not found in " + dir.resolve("roles") + ":" + dir,
                    position);
        }
        return cache.computeIfAbsent(path.toAbsolutePath().normalize(), p -> read(name, p));
    }

    private static Path locate(String name, Path dir) {
        List<Path> candidates = List.of(dir.resolve("roles").resolve(name), dir.resolve(name),
                dir.getParent() == null ? dir.resolve(name) : dir.getParent().resolve(name));
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static Role read(String name, Path path) {
        Map<String, Object> defaults = mapFile(mainFile(path.resolve("defaults")));
        Map<String, Object> vars = mapFile(mainFile(path.resolve("vars")));
        Map<String, Object> meta = mapFile(mainFile(path.resolve("meta")));
        Object dependencies = meta.get("dependencies");
        List<Object> deps = dependencies instanceof List<?> list ? new ArrayList<>(list) : List.of();
        return new Role(Path.of(name).getFileName().toString(), path.toAbsolutePath().normalize(), defaults, vars, deps);
    }

    private static Path mainFile(Path dir) {
        for (String name : List.of("main.yml", "main.yaml", "main")) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        return null;
    }

    private static Map<String, Object> mapFile(Path file) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (file == null) {
            return out;
        }
        Object data = YamlLoader.load(file);
        if (data instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
        } else if (data != null) {
            throw new ParseError("Vars in a role file must be specified as a dictionary: " + file, null);
        }
        return out;
    }
}
