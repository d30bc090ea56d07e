package dev.rolehop.engine.playbook;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every keyword of ansible-core 2.14's plays, blocks, tasks, handlers and role references, declared
 * once: the {@code FieldAttribute}s of {@code ansible/playbook/{base,play,block,task,handler,
 * taggable,conditional,collectionsearch}.py} and {@code role/include.py}, in the order Ansible's
 * {@code Task.fattributes} lists them (the order {@code post_validate} converts them in), then the
 * fields of handlers, blocks, plays and role references.
 *
 * <p>Each keyword has its Ansible type ({@link Type}, Ansible's {@code isa}), the objects that accept
 * it, whether inner objects inherit it (Ansible's {@code FieldAttribute} versus
 * {@code NonInheritableFieldAttribute}), whether values of outer objects add up ({@code extend}) with
 * the outer ones first ({@code prepend}), whether it is static (never templated), and what rolehop
 * does with it ({@link Support}). Values are converted by {@link KeywordValues}.
 */
public enum Keyword {
    COLLECTIONS("collections", Type.LIST, Owner.ALL, Flag.INHERIT, Flag.STATIC, Flag.STRINGS),
    TAGS("tags", Type.LIST, Owner.ALL, Flag.INHERIT, Flag.EXTEND),
    WHEN("when", Type.LIST, Owner.NOT_PLAY, Flag.INHERIT, Flag.EXTEND, Flag.PREPEND),
    NAME("name", Type.STRING, Owner.ALL),
    CONNECTION("connection", Type.STRING, Owner.ALL, Flag.INHERIT),
    PORT("port", Type.INT, Owner.ALL, Flag.INHERIT),
    REMOTE_USER("remote_user", Type.STRING, Owner.ALL, Flag.INHERIT),
    VARS("vars", Type.DICT, Owner.ALL, Flag.STATIC),
    MODULE_DEFAULTS("module_defaults", Type.LIST, Owner.ALL, Flag.INHERIT, Flag.EXTEND, Flag.PREPEND),
    ENVIRONMENT("environment", Type.LIST, Owner.ALL, Flag.INHERIT, Flag.EXTEND, Flag.PREPEND),
    NO_LOG("no_log", Type.BOOL, Owner.ALL, Flag.INHERIT),
    RUN_ONCE("run_once", Type.BOOL, Owner.ALL, Flag.INHERIT),
    IGNORE_ERRORS("ignore_errors", Type.BOOL, Owner.ALL, Flag.INHERIT),
    IGNORE_UNREACHABLE("ignore_unreachable", Type.BOOL, Owner.ALL, Flag.INHERIT),
    CHECK_MODE("check_mode", Type.BOOL, Owner.ALL, Flag.INHERIT),
    DIFF("diff", Type.BOOL, Owner.ALL, Flag.INHERIT),
    ANY_ERRORS_FATAL("any_errors_fatal", Type.BOOL, Owner.ALL, Flag.INHERIT),
    THROTTLE("throttle", Type.INT, Owner.ALL, Flag.INHERIT),
    TIMEOUT("timeout", Type.INT, Owner.ALL, Flag.INHERIT),
    DEBUGGER("debugger", Type.STRING, Owner.ALL, Flag.INHERIT),
    BECOME("become", Type.BOOL, Owner.ALL, Flag.INHERIT),
    BECOME_METHOD("become_method", Type.STRING, Owner.ALL, Flag.INHERIT),
    BECOME_USER("become_user", Type.STRING, Owner.ALL, Flag.INHERIT),
    BECOME_FLAGS("become_flags", Type.STRING, Owner.ALL, Flag.INHERIT),
    BECOME_EXE("become_exe", Type.STRING, Owner.ALL, Flag.INHERIT),
    ARGS("args", Type.DICT, Owner.TASKS),
    ACTION("action", Type.STRING, Owner.TASKS),
    LOCAL_ACTION("local_action", Type.ANY, Owner.TASKS),
    ASYNC("async", Type.INT, Owner.TASKS),
    CHANGED_WHEN("changed_when", Type.LIST, Owner.TASKS),
    DELAY("delay", Type.INT, Owner.TASKS),
    DELEGATE_TO("delegate_to", Type.STRING, Owner.NOT_PLAY, Flag.INHERIT),
    DELEGATE_FACTS("delegate_facts", Type.BOOL, Owner.NOT_PLAY, Flag.INHERIT),
    FAILED_WHEN("failed_when", Type.LIST, Owner.TASKS),
    LOOP("loop", Type.ANY, Owner.TASKS),
    LOOP_CONTROL("loop_control", Type.CLASS, Owner.TASKS),
    NOTIFY("notify", Type.LIST, Owner.TASKS_AND_BLOCKS, Flag.INHERIT),
    POLL("poll", Type.INT, Owner.TASKS),
    REGISTER("register", Type.STRING, Owner.TASKS, Flag.STATIC),
    RETRIES("retries", Type.INT, Owner.TASKS),
    UNTIL("until", Type.LIST, Owner.TASKS),
    LISTEN("listen", Type.LIST, EnumSet.of(Owner.HANDLER), Flag.STATIC, Flag.STRINGS),
    BLOCK("block", Type.LIST, EnumSet.of(Owner.BLOCK)),
    RESCUE("rescue", Type.LIST, EnumSet.of(Owner.BLOCK)),
    ALWAYS("always", Type.LIST, EnumSet.of(Owner.BLOCK)),
    HOSTS("hosts", Type.LIST, EnumSet.of(Owner.PLAY), Flag.STRINGS),
    GATHER_FACTS("gather_facts", Type.BOOL, EnumSet.of(Owner.PLAY)),
    GATHER_SUBSET("gather_subset", Type.LIST, EnumSet.of(Owner.PLAY), Flag.STRINGS),
    GATHER_TIMEOUT("gather_timeout", Type.INT, EnumSet.of(Owner.PLAY)),
    FACT_PATH("fact_path", Type.STRING, EnumSet.of(Owner.PLAY)),
    VARS_FILES("vars_files", Type.LIST, EnumSet.of(Owner.PLAY)),
    VARS_PROMPT("vars_prompt", Type.LIST, EnumSet.of(Owner.PLAY)),
    ROLES("roles", Type.LIST, EnumSet.of(Owner.PLAY)),
    HANDLERS("handlers", Type.LIST, EnumSet.of(Owner.PLAY)),
    PRE_TASKS("pre_tasks", Type.LIST, EnumSet.of(Owner.PLAY)),
    POST_TASKS("post_tasks", Type.LIST, EnumSet.of(Owner.PLAY)),
    TASKS("tasks", Type.LIST, EnumSet.of(Owner.PLAY)),
    FORCE_HANDLERS("force_handlers", Type.BOOL, EnumSet.of(Owner.PLAY)),
    MAX_FAIL_PERCENTAGE("max_fail_percentage", Type.PERCENT, EnumSet.of(Owner.PLAY)),
    SERIAL("serial", Type.LIST, EnumSet.of(Owner.PLAY)),
    STRATEGY("strategy", Type.STRING, EnumSet.of(Owner.PLAY)),
    ORDER("order", Type.STRING, EnumSet.of(Owner.PLAY)),
    ROLE("role", Type.STRING, EnumSet.of(Owner.ROLE));

    /** Ansible's {@code isa} of a field: what {@code post_validate} converts a value to. */
    public enum Type {
        BOOL("bool"),
        INT("int"),
        FLOAT("float"),
        PERCENT("percent"),
        LIST("list"),
        DICT("dict"),
        STRING("string"),
        CLASS("class"),
        ANY("any");

        private final String isa;

        Type(String isa) {
            this.isa = isa;
        }

        /** The name Ansible gives the type in its messages ({@code isa}). */
        public String isa() {
            return isa;
        }
    }

    /** The objects of a playbook that have keywords. */
    public enum Owner {
        PLAY("Play"),
        BLOCK("Block"),
        TASK("Task"),
        HANDLER("Handler"),
        ROLE("RoleInclude");

        static final Set<Owner> ALL = EnumSet.allOf(Owner.class);
        static final Set<Owner> NOT_PLAY = EnumSet.of(BLOCK, TASK, HANDLER, ROLE);
        static final Set<Owner> TASKS = EnumSet.of(TASK, HANDLER);
        static final Set<Owner> TASKS_AND_BLOCKS = EnumSet.of(BLOCK, TASK, HANDLER);

        private final String className;

        Owner(String className) {
            this.className = className;
        }

        /** The name of Ansible's class for the object, as its messages say ("not a valid attribute for a Play"). */
        public String className() {
            return className;
        }
    }

    private enum Flag {
        /** Inner objects inherit the value (a {@code FieldAttribute}, not a {@code NonInheritableFieldAttribute}). */
        INHERIT,
        /** The values of the objects around add up ({@code extend=True}). */
        EXTEND,
        /** ... with the outer values first ({@code prepend=True}). */
        PREPEND,
        /** Never templated ({@code static=True}). */
        STATIC,
        /** A list of strings ({@code listof=string_types}). */
        STRINGS
    }

    private static final Map<String, Keyword> BY_KEY = new LinkedHashMap<>();

    static {
        for (Keyword keyword : values()) {
            BY_KEY.put(keyword.key, keyword);
        }
    }

    private final String key;
    private final Type type;
    private final Set<Owner> owners;
    private final Set<Flag> flags;

    Keyword(String key, Type type, Set<Owner> owners, Flag... flags) {
        this.key = key;
        this.type = type;
        this.owners = Set.copyOf(owners);
        this.flags = flags.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(flags[0], flags));
    }

    /** The keyword as written in a playbook. */
    public String key() {
        return key;
    }

    /** The name of Ansible's attribute, as its messages say it: the key, but {@code async_val} for {@code async}. */
    public String field() {
        return this == ASYNC ? "async_val" : key;
    }

    public Type type() {
        return type;
    }

    /** The objects that accept this keyword. */
    public Set<Owner> owners() {
        return owners;
    }

    /** Whether inner objects (blocks, tasks) inherit the value of the objects around them. */
    public boolean inherited() {
        return flags.contains(Flag.INHERIT);
    }

    /** Whether the values of the objects around add up ({@code tags}, {@code when}, {@code environment}...). */
    public boolean extend() {
        return flags.contains(Flag.EXTEND);
    }

    /** Whether added-up values put the outer objects' first. */
    public boolean prepend() {
        return flags.contains(Flag.PREPEND);
    }

    /** Whether the value is used as written, never templated. */
    public boolean isStatic() {
        return flags.contains(Flag.STATIC);
    }

    /** Whether the value must be a list of strings. */
    public boolean listOfStrings() {
        return flags.contains(Flag.STRINGS);
    }

    /** The keyword of a key as written on an object of a kind, or {@code null} when that object does not accept it. */
    public static Keyword of(Owner owner, String key) {
        Keyword keyword = BY_KEY.get(key);
        return keyword != null && keyword.owners.contains(owner) ? keyword : null;
    }

    /** The keywords an object of a kind accepts, in table order. */
    public static Set<Keyword> of(Owner owner) {
        Set<Keyword> all = EnumSet.noneOf(Keyword.class);
        for (Keyword keyword : values()) {
            if (keyword.owners.contains(owner)) {
                all.add(keyword);
            }
        }
        return all;
    }

    @Override
    public String toString() {
        return key.toLowerCase(Locale.ROOT);
    }
}
