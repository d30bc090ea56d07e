package dev.rolehop.engine.template.jinja;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import dev.rolehop.engine.template.ansible.AnsiblePlugins;
import dev.rolehop.engine.template.ansible.UndefinedAttributes;
import java.time.Clock;
import java.util.Map;

/**
 * Builds the one Jinjava configuration rolehop renders with, Ansible's Jinja2 environment: the
 * {@link Templar} uses it, and so does every template test, so that what the tests check is what
 * a playbook gets.
 *
 * <p>What it sets: missing attributes are {@code Undefined} ({@link UndefinedAttributes}),
 * {@code trim_blocks} (Ansible's default), values print as Python's {@code str()}
 * ({@link PythonInterpreter}), {@code *} repeats sequences ({@link PythonJinjava}), Jinja2's
 * operator precedence, iteration over a dict's keys, None kept in loops, evaluated dict-literal
 * keys; and Ansible's filters, tests, lookups and globals ({@link AnsiblePlugins}).
 */
public final class AnsibleEnvironment {

    private AnsibleEnvironment() {}

    /** Creates the environment, with lookups reading the given process environment and the system clock. */
    public static Jinjava create(Map<String, String> environment) {
        return create(environment, Clock.systemDefaultZone());
    }

    /** Creates the environment, with lookups reading the given process environment and {@code now()} the clock. */
    public static Jinjava create(Map<String, String> environment, Clock clock) {
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withElResolver(new UndefinedAttributes(JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY))
                .withTrimBlocks(true)
                .withInterperterFactory(new PythonInterpreter.Factory())
                .withLegacyOverrides(LegacyOverrides.newBuilder()
                        .withUseNaturalOperatorPrecedence(true)
                        .withIterateOverMapKeys(true)
                        .withKeepNullableLoopValues(true)
                        .withEvaluateMapKeys(true)
                        .build())
                .build();
        Jinjava jinjava = new PythonJinjava(config);
        AnsiblePlugins.install(jinjava, environment, clock);
        return jinjava;
    }
}
