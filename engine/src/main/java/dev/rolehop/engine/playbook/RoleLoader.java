package dev.rolehop.engine.playbook;

import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.engine.error.ParseError;
import dev.rolehop.engine.error.Position;
import dev.rolehop.engine.yaml.YamlMap;
import dev.rolehop.python.Booleans;
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

    /** The folders whose file a task may choose ({@code tasks_from}, {@code vars_from}...). */
    private static final List<String> FOLDERS = List.of("tasks", "vars", "defaults", "handlers");

    private final PlaybookLoader loader;
    private final Map<Key, Role> cache = new HashMap<>();
    /** {@code DEFAULT_ROLES_PATH}: searched after the playbook's {@code roles/} folder. */
    private final List<Path> rolesPath;

    RoleLoader(PlaybookLoader loader, List<Path> rolesPath) {
        this.loader = loader;
        this.rolesPath = List.copyOf(rolesPath);
    }

    /** A role named in a play's {@code roles:} list (a name or a mapping with {@code role:}). */
    RoleScope use(Object reference, Scope parent, Path dir, Position where) {
        Reference ref = reference(reference, where);
        Role role = load(ref.name(), dir, ref.position(), Map.of());
        return scope(
                new Use(role, ref.keywords(), ref.params(), ref.position(), Map.of(), false, role.allowDuplicates()),
                parent,
                0);
    }

    /**
     * One use of a role: the role (its defaults and vars as chosen), the keywords and parameters it
     * was given, the files chosen by {@code tasks_from} and the like (by folder: tasks, handlers...),
     * whether a task ({@code import_role}, {@code include_role}) named it, and whether it may run
     * again in the play with the same parameters.
     */
    private record Use(
            Role role,
            Map<String, Object> keywords,
            Map<String, Object> params,
            Position position,
            Map<String, String> from,
            boolean byTask,
            boolean allowDuplicates) {}

    /** A role reference as written: the role's name, the keywords given with it and its other keys (its parameters). */
    private record Reference(
            String name, Map<String, Object> keywords, Map<String, Object> params, Position position) {}

    private static Reference reference(Object reference, Position where) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        Map<String, Object> params = new LinkedHashMap<>();
        String name;
        Position position = YamlMap.positionOf(reference, where);
        if (reference instanceof Map<?, ?> map) {
            Object role = map.containsKey("role") ? map.get("role") : map.get("name");
            if (role == null) {
                throw new ParseError("role definitions must contain a role name", position);
            }
            name = String.valueOf(role);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (key.equals("role") || key.equals("name")) {
                    continue;
                }
                if (map instanceof YamlMap yaml
                        ? Keywords.check(Keyword.Owner.ROLE, key, yaml) != null
                        : Keyword.of(Keyword.Owner.ROLE, key) != null) {
                    keywords.put(key, entry.getValue());
                } else {
                    params.put(key, entry.getValue());
                }
            }
        } else {
            name = String.valueOf(reference);
        }
        return new Reference(name, keywords, params, position);
    }

    /** The role of an {@code import_role} task, loaded now with its arguments as written. */
    RoleScope importRole(Task task, Path dir) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        for (String keyword : List.of(
                "when",
                "tags",
                "vars",
                "ignore_errors",
                "no_log",
                "check_mode",
                "diff",
                "environment",
                "delegate_to",
                "run_once",
                "any_errors_fatal",
                "module_defaults")) {
            if (task.own(keyword) != null) {
                keywords.put(keyword, task.own(keyword));
            }
        }
        return byTask(task, task.args(), keywords, Map.of(), dir);
    }

    /**
     * A role use created at run time by {@code include_role}, from its templated arguments; the
     * include's vars are its parameters.
     */
    public RoleScope include(
            Task task, Map<String, Object> args, Map<String, Object> keywords, Map<String, Object> params, Path dir) {
        return byTask(task, args, keywords, params, dir);
    }

    /** The role a task names, its files chosen by {@code tasks_from} and the like; duplicates allowed unless told otherwise. */
    private RoleScope byTask(
            Task task, Map<String, Object> args, Map<String, Object> keywords, Map<String, Object> params, Path dir) {
        Object name = roleName(args);
        if (name == null) {
            throw new ParseError(
                    "'name' is a required field for " + EngineActions.shortName(task.action()) + ".", task.position());
        }
        Map<String, String> from = new LinkedHashMap<>();
        for (String folder : FOLDERS) {
            if (args.get(folder + "_from") != null) {
                from.put(folder, String.valueOf(args.get(folder + "_from")));
            }
        }
        Object duplicates = args.get("allow_duplicates");
        boolean allowDuplicates = duplicates == null || Booleans.lenient(duplicates);
        Role role = load(String.valueOf(name), dir, task.position(), from);
        return scope(new Use(role, keywords, params, task.position(), from, true, allowDuplicates), task.parent(), 0);
    }

    /** The role an {@code import_role}/{@code include_role} names: {@code name}, or its alias {@code role}. */
    public static Object roleName(Map<String, Object> args) {
        return args.containsKey("name") ? args.get("name") : args.get("role");
    }

    private RoleScope scope(Use use, Scope parent, int depth) {
        Role role = use.role();
        if (depth > 20) {
            throw new ParseError(
                    "role dependencies of '" + role.name() + "' nest too deeply (a cycle?)", use.position());
        }
        RoleScope.Identity identity =
                new RoleScope.Identity(role.path(), use.keywords(), use.params(), use.from(), use.byTask());
        RoleScope scope = new RoleScope(parent, identity, use.position(), role, use.allowDuplicates());
        List<Scope> items = new ArrayList<>();
        for (Object dependency : role.dependencies()) {
            items.add(dependencyScope(dependency, scope, depth));
        }
        Path tasksFile = roleFile(role.path(), "tasks", use.from());
        if (tasksFile != null) {
            items.addAll(loader.loadTaskFile(tasksFile, scope, false));
        }
        List<Scope> handlers = new ArrayList<>();
        Path handlersFile = roleFile(role.path(), "handlers", use.from());
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
        Role role = load(ref.name(), owner.path().getParent().getParent(), position, Map.of());
        return scope(
                new Use(role, ref.keywords(), ref.params(), position, Map.of(), false, role.allowDuplicates()),
                parent,
                depth + 1);
    }

    /** A role by name, its defaults and vars read from the files {@code from} chooses (else main). */
    Role load(String name, Path dir, Position position, Map<String, String> from) {
        Path path = locate(name, dir);
        if (path == null) {
            List<String> searched = new ArrayList<>();
            searched.add(dir.resolve("roles").toString());
            rolesPath.forEach(p -> searched.add(p.toString()));
            searched.add(dir.toString());
            // Not a parse error in Ansible: ansible-playbook exits 1, and include_role fails only its hosts.
            throw new AnsibleError("the role '" + name + "' was not found in " + String.join(":", searched), position);
        }
        Path normalized = path.toAbsolutePath().normalize();
        loader.addPluginDirs(normalized);
        return cache.computeIfAbsent(
                new Key(normalized, from.get("defaults"), from.get("vars")), key -> read(name, normalized, from));
    }

    /** A role as read: its folder and the defaults and vars files chosen ({@code null} = main). */
    private record Key(Path path, String defaults, String vars) {}

    /** Ansible's role search: the playbook's {@code roles/}, the roles path, the folder itself, then its parent. */
    private Path locate(String name, Path dir) {
        List<Path> candidates = new ArrayList<>();
        candidates.add(dir.resolve("roles").resolve(name));
        rolesPath.forEach(p -> candidates.add(p.resolve(name)));
        candidates.add(dir.resolve(name));
        candidates.add(
                dir.getParent() == null ? dir.resolve(name) : dir.getParent().resolve(name));
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private Role read(String name, Path path, Map<String, String> from) {
        Map<String, Object> defaults = mapFile(roleFile(path, "defaults", from));
        Map<String, Object> vars = mapFile(roleFile(path, "vars", from));
        Map<String, Object> meta = mapFile(roleFile(path, "meta", Map.of()));
        Object dependencies = meta.get("dependencies");
        List<Object> deps = dependencies instanceof List<?> list ? new ArrayList<>(list) : List.of();
        return new Role(
                Path.of(name).getFileName().toString(),
                path,
                defaults,
                vars,
                deps,
                Booleans.lenient(meta.get("allow_duplicates")));
    }

    /**
     * A role's file in one of its folders, found as Ansible's {@code _load_role_yaml} does: {@code main}
     * with the extensions .yml, .yaml, .json or none; a file chosen by {@code tasks_from} and the like
     * as given first, then with those extensions, and an error when it is missing.
     */
    private static Path roleFile(Path role, String folder, Map<String, String> from) {
        Path dir = role.resolve(folder);
        String chosen = from.get(folder);
        List<String> extensions =
                chosen == null ? List.of(".yml", ".yaml", ".json", "") : List.of("", ".yml", ".yaml", ".json");
        for (String extension : extensions) {
            Path file = dir.resolve((chosen == null ? "main" : chosen) + extension);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        if (chosen != null) {
            throw new ParseError("Could not find specified file in role: " + folder + "/" + chosen, null);
        }
        return null;
    }

    private Map<String, Object> mapFile(Path file) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (file == null) {
            return out;
        }
        Object data = loader.loadYaml(file);
        if (data instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
        } else if (data != null) {
            throw new ParseError("Vars in a role file must be specified as a dictionary: " + file, null);
        }
        return out;
    }
}
