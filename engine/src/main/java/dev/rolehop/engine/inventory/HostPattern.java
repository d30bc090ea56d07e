package dev.rolehop.engine.inventory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Selects hosts by an Ansible host pattern: names, groups, {@code all}/{@code *}, wildcards,
 * {@code ~regex}, joined by {@code ,} or {@code :} with {@code &} (and) and {@code !} (not).
 */
public final class HostPattern {

    private HostPattern() {
    }

    /**
     * The hosts matching the pattern, in inventory order.
     *
     * @param warnings receives "Could not match supplied host pattern" warnings
     */
    public static List<Host> select(Inventory inventory, String pattern, Consumer<String> warnings) {
        List<String> terms = split(pattern);
        Set<Host> selected = new LinkedHashSet<>();
        List<String> intersections = new ArrayList<>();
        List<String> exclusions = new ArrayList<>();
        for (String term : terms) {
            if (term.startsWith("&")) {
                intersections.add(term.substring(1));
            } else if (term.startsWith("!")) {
                exclusions.add(term.substring(1));
            } else {
                selected.addAll(match(inventory, term, warnings));
            }
        }
        for (String term : intersections) {
            selected.retainAll(match(inventory, term, warnings));
        }
        for (String term : exclusions) {
            match(inventory, term, warnings).forEach(selected::remove);
        }
        return new ArrayList<>(selected);
    }

    private static List<String> split(String pattern) {
        List<String> terms = new ArrayList<>();
        String separators = pattern.contains(",") ? "," : ":";
        for (String term : pattern.split(Pattern.quote(separators))) {
            if (!term.isBlank()) {
                terms.add(term.strip());
            }
        }
        return terms;
    }

    private static List<Host> match(Inventory inventory, String term, Consumer<String> warnings) {
        if (term.equals("all") || term.equals("*")) {
            return inventory.groups().get("all").allHosts();
        }
        Group group = inventory.groups().get(term);
        if (group != null) {
            return group.allHosts();
        }
        Host host = inventory.host(term);
        if (host != null) {
            return List.of(host);
        }
        List<Host> found = new ArrayList<>();
        Pattern regex = term.startsWith("~") ? Pattern.compile(term.substring(1)) : wildcard(term);
        if (regex != null) {
            for (Group g : inventory.groups().values()) {
                if (regex.matcher(g.name()).matches()) {
                    g.allHosts().stream().filter(h -> !found.contains(h)).forEach(found::add);
                }
            }
            for (Host h : inventory.hosts().values()) {
                if (regex.matcher(h.name()).matches() && !found.contains(h)) {
                    found.add(h);
                }
            }
        }
        if (found.isEmpty()) {
            warnings.accept("Could not match supplied host pattern, ignoring: " + term);
        }
        return found;
    }

    private static Pattern wildcard(String term) {
        if (!term.contains("*") && !term.contains("?") && !term.contains("[")) {
            return null;
        }
        StringBuilder regex = new StringBuilder();
        for (char c : term.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                case '[', ']', '-' -> regex.append(c);
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
