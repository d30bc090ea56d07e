package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Installs Ansible's Jinja2 filters, tests and lookup functions into a Jinjava instance, under
 * Ansible's names, replacing Jinjava built-ins whose behaviour differs from Jinja2's.
 *
 * <p>Names without a value resolve to {@link Undefined}; a Jinjava configured with
 * {@link UndefinedAttributes} as its resolver also gets Ansible's undefined attributes.
 *
 * <p>The reference is ansible-core 2.14 with Jinja2 3.1. docs/templating.md lists every plugin
 * and each known difference. Plugins throw {@link AnsibleFilterError} with Ansible's message.
 */
public final class AnsiblePlugins {
    private AnsiblePlugins() {}

    /** Installs the plugins; {@code env} lookups and path filters read the process environment. */
    public static void install(Jinjava jinjava) {
        install(jinjava, System.getenv());
    }

    /**
     * Installs the plugins, with {@code environment} as the controller's environment (the
     * {@code env} lookup, {@code expanduser}, {@code expandvars}).
     */
    public static void install(Jinjava jinjava, Map<String, String> environment) {
        install(jinjava, environment, Clock.systemDefaultZone());
    }

    /**
     * Installs the plugins, with {@code environment} as the controller's environment (the
     * {@code env} lookup, {@code expanduser}, {@code expandvars}) and {@code clock} for {@code now()}.
     */
    public static void install(Jinjava jinjava, Map<String, String> environment, Clock clock) {
        Map<String, String> env = Map.copyOf(environment);
        jinjava.getGlobalContext().put(Globals.CLOCK_KEY, clock);
        jinjava.getGlobalContext().setDynamicVariableResolver(new UndefinedNames());
        for (List<PluginFilter> group : List.of(
                CoreFilters.all(),
                TypeFilters.all(),
                SerializationFilters.all(),
                SequenceFilters.all(),
                SetFilters.all(),
                DictFilters.all(),
                RegexFilters.all(),
                StringFilters.all(),
                EncodingFilters.all(),
                PathFilters.all(env),
                JinjaFilters.all(),
                MathFilters.all(),
                LookupFilters.all(),
                DatetimeFilters.all(),
                RandomFilters.all())) {
            group.forEach(jinjava::registerFilter);
        }
        jinjava.registerFilter(CommentFilter.filter());
        jinjava.registerFilter(JsonQueryFilter.filter());
        jinjava.registerFilter(UrlSplitFilter.filter());
        jinjava.getGlobalContext().put(Lookups.ENVIRONMENT_KEY, env);
        for (String name : List.of("lookup", "query", "q")) {
            jinjava.registerFunction(new ELFunctionDefinition(
                    "", name, Lookups.class, name.equals("lookup") ? "lookup" : "query", String.class, Object[].class));
        }
        jinjava.registerFunction(new ELFunctionDefinition("", "dict", Globals.class, "dict", Object[].class));
        jinjava.registerFunction(new ELFunctionDefinition("", "now", Globals.class, "now", Object[].class));
        for (List<PluginTest> group : List.of(JinjaTests.all(), AnsibleTests.all(), PathTests.all())) {
            group.forEach(jinjava::registerExpTest);
        }
    }
}
