package dev.rolehop.engine.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Expands inventory host ranges: {@code web[01:03]} to web01, web02, web03; {@code [a:c]} letters. */
final class HostRanges {

    private static final Pattern RANGE = Pattern.compile("\\[([0-9a-zA-Z]+):([0-9a-zA-Z]+)(?::(\\d+))?]");

    private HostRanges() {}

    static List<String> expand(String pattern) {
        Matcher m = RANGE.matcher(pattern);
        if (!m.find()) {
            return List.of(pattern);
        }
        String head = pattern.substring(0, m.start());
        String tail = pattern.substring(m.end());
        String start = m.group(1);
        String end = m.group(2);
        int step = m.group(3) == null ? 1 : Integer.parseInt(m.group(3));
        List<String> out = new ArrayList<>();
        if (start.matches("\\d+")) {
            int width = start.length();
            for (int i = Integer.parseInt(start); i <= Integer.parseInt(end); i += step) {
                String n = start.startsWith("0") ? String.format("%0" + width + "d", i) : String.valueOf(i);
                expand(head + n + tail).forEach(out::add);
            }
        } else {
            for (char c = start.charAt(0); c <= end.charAt(0); c += (char) step) {
                expand(head + c + tail).forEach(out::add);
            }
        }
        return out;
    }
}
