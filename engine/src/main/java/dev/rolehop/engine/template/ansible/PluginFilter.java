package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.objects.SafeString;
import java.util.Map;
import java.util.Set;

/** Adapts one Ansible filter, written as a {@link Body}, to Jinjava's {@link Filter}. */
final class PluginFilter implements Filter {
    /** The filter's work: the piped value and the call's arguments in, the result out. */
    @FunctionalInterface
    interface Body {
        Object apply(Object value, Arguments args, JinjavaInterpreter interpreter);
    }

    private final String name;
    private final Body body;

    PluginFilter(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    @Override
    public String getName() {
        return name;
    }

    /** Filters that accept undefined input and arguments, as in Ansible. */
    private static final Set<String> UNDEFINED_AWARE = Set.of("default", "d", "mandatory", "items");

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
        if (!UNDEFINED_AWARE.contains(name)) {
            failIfUndefined(value);
            for (Object arg : args == null ? new Object[0] : args) {
                failIfUndefined(arg);
            }
            if (kwargs != null) {
                kwargs.values().forEach(PluginFilter::failIfUndefined);
            }
        }
        Object[] plainArgs = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < plainArgs.length; i++) {
            plainArgs[i] = plain(plainArgs[i]);
        }
        return body.apply(plain(value), new Arguments(name, plainArgs, kwargs), interpreter);
    }

    /** Jinjava's SafeString (from {@code | safe}) is a str to Python (Markup subclasses str). */
    static Object plain(Object value) {
        return value instanceof SafeString safe ? safe.getValue() : value;
    }

    private static void failIfUndefined(Object value) {
        if (value instanceof Undefined undefined) {
            throw undefined.error();
        }
    }

    @Override
    public Object filter(Object value, JinjavaInterpreter interpreter, String... args) {
        return filter(value, interpreter, args, Map.of());
    }
}
