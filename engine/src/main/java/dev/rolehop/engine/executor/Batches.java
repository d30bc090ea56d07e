package dev.rolehop.engine.executor;

import dev.rolehop.engine.inventory.Host;
import dev.rolehop.engine.template.PythonText;
import dev.rolehop.engine.template.Templar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Splits a play's hosts into {@code serial} batches: a count, a percentage, or a list of either (the last repeats). */
final class Batches {

    private Batches() {
    }

    static List<List<Host>> of(List<Host> hosts, Object serial, Templar templar, Map<String, Object> vars) {
        if (serial == null) {
            return List.of(hosts);
        }
        Object value = templar.template(serial, vars);
        List<?> sizes = value instanceof List<?> list ? list : List.of(value);
        List<List<Host>> batches = new ArrayList<>();
        int index = 0;
        int step = 0;
        while (index < hosts.size()) {
            Object spec = sizes.get(Math.min(step, sizes.size() - 1));
            int size = size(PythonText.str(spec), hosts.size());
            batches.add(new ArrayList<>(hosts.subList(index, Math.min(hosts.size(), index + size))));
            index += size;
            step++;
        }
        return batches;
    }

    private static int size(String spec, int total) {
        String text = spec.strip();
        int size;
        if (text.endsWith("%")) {
            size = (int) (total * Double.parseDouble(text.substring(0, text.length() - 1)) / 100.0);
        } else {
            size = Integer.parseInt(text);
        }
        return size <= 0 ? total : size;
    }
}
