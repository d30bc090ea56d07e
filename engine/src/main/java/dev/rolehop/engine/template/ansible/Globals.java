package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Jinja2's and Ansible's global functions that Jinjava lacks: {@code dict} and {@code now}. */
public final class Globals {
    private Globals() {}

    /** The global-context key of the clock {@code now()} reads; no template can name it. */
    static final String CLOCK_KEY = "rolehop.clock";

    /**
     * Ansible's {@code now(utc=False, fmt=None)}: the current local (or UTC) time as a
     * {@link PythonDatetime}, or formatted with {@code strftime} when {@code fmt} is given.
     */
    public static Object now(Object... args) {
        Map<String, Object> keywords = new LinkedHashMap<>();
        List<Object> positional = new java.util.ArrayList<>();
        for (Object arg : args == null ? new Object[0] : args) {
            if (arg instanceof NamedParameter named) {
                keywords.put(named.getName(), named.getValue());
            } else {
                positional.add(arg);
            }
        }
        Arguments call = new Arguments("now", positional.toArray(), keywords).accept("utc", "fmt");
        Clock clock = clock();
        if (call.flag(0, "utc", false)) {
            clock = clock.withZone(ZoneOffset.UTC);
        }
        PythonDatetime now = new PythonDatetime(LocalDateTime.now(clock), clock.getZone());
        Object format = call.get(1, "fmt", null);
        return format == null ? now : now.strftime(PythonRepr.str(format));
    }

    /** Returns the clock given to {@link AnsiblePlugins#install}, else the system's. */
    static Clock clock() {
        Object configured = JinjavaInterpreter.getCurrent().getContext().get(CLOCK_KEY);
        return configured instanceof Clock given ? given : Clock.systemDefaultZone();
    }

    /** Python's {@code dict(pairs_or_mapping, **kwargs)}: {@code dict(a=1)}, {@code dict(keys | zip(values))}. */
    public static Object dict(Object... args) {
        Map<Object, Object> result = new LinkedHashMap<>();
        int positional = 0;
        for (Object arg : args == null ? new Object[0] : args) {
            if (arg instanceof NamedParameter named) {
                result.put(named.getName(), named.getValue());
                continue;
            }
            if (++positional > 1) {
                throw AnsibleFilterError.typeError("dict expected at most 1 argument, got " + positional);
            }
            if (arg instanceof Map<?, ?> map) {
                result.putAll(map);
                continue;
            }
            int index = 0;
            for (Object pair : PythonValues.iterable(arg)) {
                List<Object> kv = PythonValues.iterable(pair);
                if (kv.size() != 2) {
                    throw new AnsibleFilterError(
                            "dictionary update sequence element #" + index + " has length " + kv.size()
                                    + "; 2 is required",
                            "ValueError");
                }
                result.put(kv.get(0), kv.get(1));
                index++;
            }
        }
        return result;
    }
}
