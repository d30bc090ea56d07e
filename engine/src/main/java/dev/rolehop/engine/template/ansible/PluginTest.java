package dev.rolehop.engine.template.ansible;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.objects.collections.PyList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Adapts one Ansible test ({@code x is name(...)}), written as a {@link Body}, to Jinjava. */
final class PluginTest implements ExpTest {
    /** The test's work: the tested value and the call's arguments in, true or false out. */
    @FunctionalInterface
    interface Body {
        boolean test(Object value, Arguments args, JinjavaInterpreter interpreter);
    }

    private final String name;
    private final Body body;

    PluginTest(String name, Body body) {
        this.name = name;
        this.body = body;
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public boolean evaluate(Object value, JinjavaInterpreter interpreter, Object... args) {
        Object[] given = args == null ? new Object[0] : args;
        // Jinjava hands several test arguments over as one tuple (a plain PyList; a list literal is
        // a SizeLimitingPyList), with keyword arguments inside it as NamedParameters.
        if (given.length == 1 && given[0] != null && given[0].getClass() == PyList.class) {
            given = ((PyList) given[0]).toArray();
        }
        List<Object> positional = new ArrayList<>();
        Map<String, Object> keywords = new LinkedHashMap<>();
        for (Object arg : given) {
            if (arg instanceof NamedParameter named) {
                keywords.put(named.getName(), PluginFilter.plain(named.getValue()));
            } else {
                positional.add(PluginFilter.plain(arg));
            }
        }
        Arguments call = new Arguments(name, positional.toArray(), keywords);
        return body.test(PluginFilter.plain(value), call, interpreter);
    }
}
