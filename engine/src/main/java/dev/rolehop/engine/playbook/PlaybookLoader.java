package dev.rolehop.engine.playbook;

import dev.rolehop.engine.error.ParseError;
import dev.rolehop.engine.error.Position;
import dev.rolehop.engine.module.ModuleRegistry;
import dev.rolehop.engine.vault.Vault;
import dev.rolehop.engine.yaml.YamlLoader;
import dev.rolehop.engine.yaml.YamlMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads playbooks into the play tree: plays (with {@code import_playbook} spliced in), their
 * task sections, blocks, static imports and roles. Validation here is structural; values are
 * checked when they are used.
 */
public final class PlaybookLoader {

    private final TaskParser tasks;
    private final RoleLoader roles;
    private final ModuleRegistry registry;
    private final Vault vault;

    /**
     * @param rolesPath where roles are looked for after the playbook's {@code roles/} ({@code roles_path})
     * @param vault     decrypts the files loaded that are vault text, and their {@code !vault} values
     */
    public PlaybookLoader(ModuleRegistry registry, List<Path> rolesPath, Vault vault) {
        this.registry = registry;
        this.vault = vault;
        this.tasks = new TaskParser(registry);
        this.roles = new RoleLoader(this, rolesPath);
    }

    /** Adds a role's plugin folders ({@code library/}...) to the module search, as Ansible does when it loads a role. */
    void addPluginDirs(Path dir) {
        registry.addPluginDirs(dir);
    }

    /** Reads a YAML file of the playbook (plays, tasks, vars, a role's files) through the run's vault. */
    public Object loadYaml(Path file) {
        return YamlLoader.load(file, vault);
    }

    /** The role loader, for {@code include_role} at run time. */
    public RoleLoader roles() {
        return roles;
    }

    public Playbook load(Path file) {
        List<Play> plays = new ArrayList<>();
        loadInto(file, plays, 0);
        return new Playbook(file, plays);
    }

    private void loadInto(Path given, List<Play> plays, int depth) {
        // Ansible names playbook files by absolute path in positions and errors.
        Path file = given.toAbsolutePath().normalize();
        Object data = loadYaml(file);
        Path dir = file.getParent();
        // As Ansible's playbook loader: the plugin folders beside the playbook (library/...) join the search.
        registry.addPluginDirs(dir);
        if (data == null) {
            throw new ParseError("Empty playbook, nothing to do: " + file, null);
        }
        if (!(data instanceof List<?> entries)) {
            throw new ParseError(
                    "A playbook must be a list of plays, got a " + kind(data) + " instead",
                    YamlMap.positionOf(data, new Position(file.toString(), 1, 1)));
        }
        for (Object entry : entries) {
            if (!(entry instanceof YamlMap map)) {
                throw new ParseError(
                        "playbook entries must be either valid plays or 'import_playbook' statements",
                        new Position(file.toString(), 1, 1));
            }
            Object imported = map.containsKey("import_playbook")
                    ? map.get("import_playbook")
                    : map.get("ansible.builtin.import_playbook");
            if (imported != null) {
                if (depth > 20) {
                    throw new ParseError("import_playbook nests too deeply (a cycle?)", map.position());
                }
                loadInto(dir.resolve(String.valueOf(imported)), plays, depth + 1);
            } else {
                plays.add(play(map, dir));
            }
        }
    }

    private Play play(YamlMap map, Path dir) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (Keywords.check(Keyword.Owner.PLAY, key, map) == null) {
                throw new ParseError("'" + key + "' is not a valid attribute for a Play", map.position());
            }
            keywords.put(key, entry.getValue());
        }
        tasks.checkModuleDefaults(map);
        if (!keywords.containsKey("hosts")) {
            throw new ParseError("the field 'hosts' is required but was not set", map.position());
        }
        Play play = new Play(keywords, map.position(), dir);
        List<RoleScope> roleScopes = new ArrayList<>();
        for (Object reference : list(map, "roles")) {
            roleScopes.add(roles.use(reference, play, dir, map.position()));
        }
        // The roles' handlers come first, as Ansible compiles them: they run first, and a play
        // handler of the same name, loaded last, is the one notified by that name.
        List<Scope> handlers = new ArrayList<>();
        for (RoleScope role : roleScopes) {
            handlers.addAll(role.handlers());
        }
        handlers.addAll(taskList(list(map, "handlers"), play, true, dir));
        List<Scope> preTasks = taskList(list(map, "pre_tasks"), play, false, dir);
        List<Scope> tasks = taskList(list(map, "tasks"), play, false, dir);
        List<Scope> postTasks = taskList(list(map, "post_tasks"), play, false, dir);
        // The handlers of roles imported in task lists come after the play's, as Ansible appends
        // them when it loads the import.
        for (List<Scope> section : List.of(preTasks, tasks, postTasks)) {
            addImportedRoleHandlers(section, handlers);
        }
        play.sections(preTasks, roleScopes, tasks, postTasks, handlers);
        return play;
    }

    private static void addImportedRoleHandlers(List<Scope> items, List<Scope> handlers) {
        for (Scope item : items) {
            if (item instanceof RoleScope role) {
                handlers.addAll(role.handlers());
            } else if (item instanceof Block block) {
                addImportedRoleHandlers(block.block(), handlers);
                addImportedRoleHandlers(block.rescue(), handlers);
                addImportedRoleHandlers(block.always(), handlers);
            }
        }
    }

    /** Parses a task list (tasks, handlers, a block section, an imported file) under a parent. */
    public List<Scope> taskList(List<?> items, Scope parent, boolean handlers, Path dir) {
        List<Scope> out = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof YamlMap map)) {
                Position where = parent.position();
                throw new ParseError("A malformed block was encountered while loading a block", where);
            }
            out.add(item(map, parent, handlers, dir));
        }
        return out;
    }

    private Scope item(YamlMap map, Scope parent, boolean handlers, Path dir) {
        if (map.containsKey("block")) {
            return block(map, parent, handlers, dir);
        }
        Task task = tasks.parse(map, parent, handlers);
        String action = EngineActions.shortName(task.action());
        if (action.equals(EngineActions.IMPORT_TASKS)) {
            return importTasks(task, handlers, dir);
        }
        if (action.equals(EngineActions.IMPORT_ROLE)) {
            return roles.importRole(task, dir);
        }
        return task;
    }

    private Block block(YamlMap map, Scope parent, boolean handlers, Path dir) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            if (Keywords.check(Keyword.Owner.BLOCK, key, map) == null) {
                throw new ParseError("'" + key + "' is not a valid attribute for a Block", map.position());
            }
            if (!key.equals("block") && !key.equals("rescue") && !key.equals("always")) {
                keywords.put(key, entry.getValue());
            }
        }
        tasks.checkModuleDefaults(map);
        Block block = new Block(parent, keywords, map.position());
        block.sections(
                taskList(list(map, "block"), block, handlers, dir),
                taskList(list(map, "rescue"), block, handlers, dir),
                taskList(list(map, "always"), block, handlers, dir));
        return block;
    }

    private Block importTasks(Task task, boolean handlers, Path dir) {
        Object file = task.args().containsKey("file")
                ? task.args().get("file")
                : task.args().get("_raw_params");
        if (file == null) {
            throw new ParseError("No file specified for import_tasks", task.position());
        }
        Path path = resolveTaskFile(String.valueOf(file), task, dir);
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
                "become",
                "delegate_to",
                "run_once",
                "any_errors_fatal",
                "module_defaults")) {
            if (task.own(keyword) != null) {
                keywords.put(keyword, task.own(keyword));
            }
        }
        Block block = new Block(task.parent(), keywords, task.position());
        block.sections(loadTaskFile(path, block, handlers), List.of(), List.of());
        return block;
    }

    /** The block of an {@code include_tasks}: the file's tasks under the keywords and parameters it passes on. */
    public Block includedBlock(
            Path file,
            Scope parent,
            Map<String, Object> keywords,
            Map<String, Object> params,
            Position position,
            boolean handlers) {
        Block block = new Block(parent, keywords, params, position);
        block.sections(loadTaskFile(file, block, handlers), List.of(), List.of());
        return block;
    }

    /** Loads a task file (for imports and includes) as the items of a block. */
    public List<Scope> loadTaskFile(Path path, Scope parent, boolean handlers) {
        Object data = loadYaml(path);
        if (data == null) {
            return List.of();
        }
        if (!(data instanceof List<?> items)) {
            throw new ParseError("A task file must contain a list of tasks", YamlMap.positionOf(data, null));
        }
        return taskList(items, parent, handlers, path.toAbsolutePath().getParent());
    }

    /** Finds a task file: relative to the role's tasks/ dir, then the including file's dir. */
    public Path resolveTaskFile(String name, Scope scope, Path dir) {
        Path given = Path.of(name);
        if (given.isAbsolute()) {
            return given;
        }
        Role role = scope.role();
        if (role != null && role.path().resolve("tasks").resolve(name).toFile().exists()) {
            return role.path().resolve("tasks").resolve(name);
        }
        return dir.resolve(name);
    }

    static List<?> list(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new ParseError(
                "'" + key + "' must be a list, got a " + kind(value),
                map instanceof YamlMap y ? y.positionOf(key) : null);
    }

    static String kind(Object value) {
        if (value instanceof Map) {
            return "dict";
        }
        if (value instanceof List) {
            return "list";
        }
        return value instanceof String
                ? "str"
                : value == null ? "NoneType" : value.getClass().getSimpleName();
    }
}
