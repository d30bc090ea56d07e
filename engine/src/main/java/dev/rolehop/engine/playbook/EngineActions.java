package dev.rolehop.engine.playbook;

import java.util.Set;

/**
 * The actions the engine itself carries out rather than a module: static imports (done while
 * loading) and dynamic includes (done while running).
 */
public final class EngineActions {

    public static final String IMPORT_TASKS = "import_tasks";
    public static final String INCLUDE_TASKS = "include_tasks";
    public static final String IMPORT_ROLE = "import_role";
    public static final String INCLUDE_ROLE = "include_role";

    private static final Set<String> ALL = Set.of(IMPORT_TASKS, INCLUDE_TASKS, IMPORT_ROLE, INCLUDE_ROLE, "include");

    private EngineActions() {}

    /** The short name of an action written as a short name or as {@code ansible.builtin.}/{@code ansible.legacy.} FQCN. */
    public static String shortName(String action) {
        if (action.startsWith("ansible.builtin.")) {
            return action.substring("ansible.builtin.".length());
        }
        if (action.startsWith("ansible.legacy.")) {
            return action.substring("ansible.legacy.".length());
        }
        return action;
    }

    /** Whether the engine handles this action itself. */
    public static boolean isEngineAction(String action) {
        return ALL.contains(shortName(action));
    }

    /** Whether the action is a run-time include of tasks. */
    public static boolean isIncludeTasks(String action) {
        String name = shortName(action);
        return name.equals(INCLUDE_TASKS) || name.equals("include");
    }

    public static boolean isIncludeRole(String action) {
        return shortName(action).equals(INCLUDE_ROLE);
    }

    /**
     * Whether the action includes tasks or a role at run time: it runs as a task (loop, when,
     * templated arguments) whose result names what to load.
     */
    public static boolean isDynamicInclude(String action) {
        return isIncludeTasks(action) || isIncludeRole(action);
    }
}
