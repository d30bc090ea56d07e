package dev.rolehop.engine;

import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Chooses the stdout callback as Ansible's {@code stdout_callback} setting does
 * ({@code ANSIBLE_STDOUT_CALLBACK}, ansible.cfg), among the two rolehop has: {@code default} and
 * {@code json}. {@code --output json} wins; any other callback name is warned about and the default
 * one prints.
 */
final class StdoutCallback {

    private static final Set<String> JSON = Set.of("json", "ansible.posix.json");
    private static final Set<String> DEFAULT = Set.of("default", "ansible.builtin.default");

    private StdoutCallback() {}

    /** Whether the json callback prints the run. */
    static boolean json(boolean requested, Map<String, String> settings, Consumer<String> warnings) {
        String configured = settings.get("ANSIBLE_STDOUT_CALLBACK");
        if (requested || configured == null || DEFAULT.contains(configured)) {
            return requested;
        }
        if (JSON.contains(configured)) {
            return true;
        }
        warnings.accept("rolehop has the 'default' and 'json' stdout callbacks only; stdout_callback '" + configured
                + "' is ignored and 'default' prints");
        return false;
    }
}
