package dev.rolehop.engine.executor;

import dev.rolehop.engine.error.AnsibleError;
import dev.rolehop.engine.inventory.Host;
import dev.rolehop.engine.playbook.KeywordValues;
import dev.rolehop.engine.template.PythonText;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a play's hosts into {@code serial} batches: a count, a percentage, or a list of either (the
 * last repeats), as Ansible's {@code _get_serialized_batches}: a percentage is of all the play's
 * hosts, rounded down; zero or less means all hosts.
 */
final class Batches {

    private Batches() {}

    /** The batches for the play's converted {@code serial} ({@code null} or empty: one batch of all hosts). */
    static List<List<Host>> of(List<Host> hosts, Object serial) {
        List<?> sizes = serial instanceof List<?> list ? list : serial == null ? List.of() : List.of(serial);
        if (sizes.isEmpty()) {
            return List.of(hosts);
        }
        List<List<Host>> batches = new ArrayList<>();
        int index = 0;
        int step = 0;
        while (index < hosts.size()) {
            Object spec = sizes.get(Math.min(step, sizes.size() - 1));
            int size = size(spec, hosts.size());
            batches.add(new ArrayList<>(hosts.subList(index, Math.min(hosts.size(), index + size))));
            index += size;
            step++;
        }
        return batches;
    }

    /** Ansible's {@code pattern_to_int}: a number, or a percentage of the hosts written with {@code %}. */
    private static int size(Object spec, int total) {
        try {
            int size;
            if (spec instanceof String text && text.endsWith("%")) {
                // Ansible's pct_to_int: a whole percentage, rounded down, at least one host.
                size = Math.max(1, (int) (KeywordValues.integer(text.replace("%", "")) / 100.0 * total));
            } else {
                size = (int) KeywordValues.integer(spec);
            }
            return size <= 0 ? total : size;
        } catch (RuntimeException e) {
            throw new AnsibleError("the play's serial has an invalid value (" + PythonText.str(spec) + "): "
                    + "a number of hosts or a percentage of them is expected. The error was: " + e.getMessage());
        }
    }
}
