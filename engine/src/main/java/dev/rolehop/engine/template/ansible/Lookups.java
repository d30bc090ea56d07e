package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code lookup}, {@code query} and {@code q} template functions, with the result shaping
 * and error handling of Ansible's {@code Templar._lookup}.
 *
 * <p>{@code lookup} joins a list of strings with commas, returns a lone non-string item as it is,
 * and several as a list; {@code query}/{@code q} always return the list. {@code errors='ignore'}
 * or {@code 'warn'} turn a failure into None (lookup) or {@code []} (query); the warning itself
 * is not printed. Names may carry the {@code ansible.builtin.} prefix.
 */
public final class Lookups {
    /** The global-context key of the environment; no template can name it (it has a dot). */
    static final String ENVIRONMENT_KEY = "rolehop.environment";

    /** The context key of the template's variable names, in the order given (Jinjava's context has none). */
    public static final String VARIABLE_NAMES_KEY = "rolehop.variable_names";

    /** The global-context key of the run's {@link dev.rolehop.engine.vault.Vault}, for the files lookups read. */
    public static final String VAULT_KEY = "rolehop.vault";

    /** The context key of the directory a {@code with_} loop's task searches ({@code files}, {@code templates}, {@code vars}). */
    static final String SUBDIR_KEY = "rolehop.lookup_subdir";

    private static final Map<String, Lookup> PLUGINS = plugins();

    private Lookups() {}

    private static Map<String, Lookup> plugins() {
        Map<String, Lookup> plugins = new LinkedHashMap<>();
        plugins.putAll(VariableLookups.all());
        plugins.putAll(FileLookups.all());
        plugins.putAll(ListLookups.all());
        plugins.putAll(CommandLookups.all());
        plugins.put("sequence", new SequenceLookup());
        plugins.put("password", new PasswordLookup());
        return plugins;
    }

    /** Returns the names of the supported lookup plugins. */
    static Set<String> names() {
        return PLUGINS.keySet();
    }

    /** Whether a lookup plugin of this name (short or {@code ansible.builtin.}) exists, as {@code with_NAME} needs. */
    public static boolean exists(String name) {
        return PLUGINS.containsKey(shortName(name));
    }

    /**
     * Runs a lookup as a task's {@code with_NAME} loop does: the terms as given, no options, the
     * whole list back, and errors as the plugin raised them (no "unhandled exception" wrapping);
     * {@code subdir} is where the task's action searches files ({@code templates} for a template
     * task). The interpreter rendering the loop must be current.
     */
    public static List<Object> loop(String name, List<Object> terms, String subdir) {
        JinjavaInterpreter interpreter = JinjavaInterpreter.getCurrent();
        interpreter.getContext().put(SUBDIR_KEY, subdir);
        return PLUGINS.get(shortName(name)).run(new ArrayList<>(terms), new LinkedHashMap<>(), context(interpreter));
    }

    private static String shortName(String name) {
        return name.startsWith("ansible.builtin.") ? name.substring("ansible.builtin.".length()) : name;
    }

    private static LookupContext context(JinjavaInterpreter interpreter) {
        @SuppressWarnings("unchecked")
        Map<String, String> environment =
                (Map<String, String>) interpreter.getContext().get(ENVIRONMENT_KEY);
        return new LookupContext(interpreter, environment == null ? System.getenv() : environment);
    }

    /** The {@code lookup(name, *terms, **options)} function. */
    public static Object lookup(String name, Object... args) {
        return call(name, args, false);
    }

    /** The {@code query(name, *terms, **options)} function (also {@code q}). */
    public static Object query(String name, Object... args) {
        return call(name, args, true);
    }

    private static Object call(String name, Object[] args, boolean wantList) {
        List<Object> terms = new ArrayList<>();
        Map<String, Object> options = new LinkedHashMap<>();
        for (Object arg : args == null ? new Object[0] : args) {
            if (arg instanceof NamedParameter named) {
                options.put(named.getName(), named.getValue());
            } else {
                terms.add(arg);
            }
        }
        wantList = PythonValues.truthy(options.getOrDefault("wantlist", wantList));
        options.remove("wantlist");
        options.remove("allow_unsafe");
        String errors = PythonRepr.str(options.getOrDefault("errors", "strict"));
        options.remove("errors");
        Lookup lookup = PLUGINS.get(shortName(name));
        if (lookup == null) {
            throw new AnsibleFilterError("lookup plugin (" + name + ") not found", "AnsibleError");
        }
        List<Object> ran;
        try {
            ran = lookup.run(terms, options, context(JinjavaInterpreter.getCurrent()));
        } catch (AnsibleFilterError e) {
            return failed(name, e, errors, wantList);
        }
        return wantList ? ran : shape(ran);
    }

    /**
     * Handles a failed lookup as Templar._lookup does: undefined variables and bad options always
     * fail; otherwise {@code errors='ignore'|'warn'} gives an empty result, and any error the
     * plugin did not raise as a lookup error is wrapped in Ansible's "unhandled exception" message.
     */
    private static Object failed(String name, AnsibleFilterError e, String errors, boolean wantList) {
        String type = e.pythonType();
        if (type.equals("AnsibleUndefinedVariable") || type.equals("AnsibleOptionsError")) {
            throw e;
        }
        if (errors.equals("ignore") || errors.equals("warn")) {
            return wantList ? new ArrayList<>() : null;
        }
        if (type.equals("AnsibleLookupError")) {
            throw e;
        }
        throw new AnsibleFilterError(
                "An unhandled exception occurred while running the lookup plugin '"
                        + name + "'. Error was a <class '" + (type.contains(".") ? type : "ansible.errors." + type)
                        + "'>, original message: "
                        + e.getMessage() + ". " + e.getMessage(),
                "AnsibleError");
    }

    /** Ansible's non-list lookup result: strings joined with commas, else the item or the list. */
    private static Object shape(List<Object> ran) {
        if (ran.isEmpty()) {
            return ran;
        }
        if (ran.stream().allMatch(item -> item instanceof CharSequence)) {
            List<String> texts = new ArrayList<>();
            ran.forEach(item -> texts.add(item.toString()));
            return String.join(",", texts);
        }
        return ran.size() == 1 ? ran.get(0) : ran;
    }

    /** Rejects options the lookup does not define, as Ansible's set_options does. */
    static void accept(String plugin, Map<String, Object> options, String... known) {
        for (String option : options.keySet()) {
            if (!List.of(known).contains(option)) {
                throw new AnsibleFilterError(
                        "Requested entry (plugin_type: lookup plugin: " + plugin + " setting: " + option
                                + " ) was not defined in configuration.",
                        "AnsibleOptionsError");
            }
        }
    }
}
