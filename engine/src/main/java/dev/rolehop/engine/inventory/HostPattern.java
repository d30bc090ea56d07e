package dev.rolehop.engine.inventory;

import dev.rolehop.engine.error.AnsibleError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Selects hosts by an Ansible host pattern as ansible-core 2.14's inventory manager does: names,
 * groups, {@code all}/{@code *}, shell wildcards, {@code ~regex}, subscripts ({@code web[0]},
 * {@code web[-1]}, {@code web[0:2]}, {@code web[1:]}), joined by {@code ,} (or {@code :}) with
 * {@code &} (and) and {@code !} (not).
 */
public final class HostPattern {

    /** Ansible's {@code :}-separated form: runs of anything but whitespace, colons and brackets, or a bracketed expression. */
    private static final Pattern COLON_TERM = Pattern.compile("(?:[^\\s:\\[\\]]|\\[[^\\]]*\\])+");
    /** An IPv6 address (eight groups, or compressed with {@code ::}), which Ansible does not split at its colons. */
    private static final Pattern IPV6 = Pattern.compile("(?=.*::|(?:[^:]*:){7}[^:]*$)[0-9a-fA-F:.]+");

    private static final Pattern SUBSCRIPT = Pattern.compile("(.+)\\[(?:(-?[0-9]+)|([0-9]+)([:-])([0-9]*))\\]");

    private HostPattern() {}

    /**
     * The hosts matching the pattern, in the order the pattern names them.
     *
     * @param warnings receives "Could not match supplied host pattern" warnings
     */
    public static List<Host> select(Inventory inventory, String pattern, Consumer<String> warnings) {
        List<Host> hosts = new ArrayList<>();
        List<String> terms = split(pattern);
        // Ansible evaluates plain terms first, then intersections, then exclusions.
        for (String term : terms) {
            if (!term.startsWith("&") && !term.startsWith("!")) {
                Set<Host> known = new LinkedHashSet<>(hosts);
                match(inventory, term, warnings).stream()
                        .filter(h -> !known.contains(h))
                        .forEach(hosts::add);
            }
        }
        for (String term : terms) {
            if (term.startsWith("&")) {
                hosts.retainAll(match(inventory, term.substring(1), warnings));
            }
        }
        for (String term : terms) {
            if (term.startsWith("!")) {
                hosts.removeAll(match(inventory, term.substring(1), warnings));
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(hosts));
    }

    /**
     * Resolves patterns against groups as the {@code groups} variable lists them, as Ansible's
     * {@code inventory_hostnames} lookup does with an inventory rebuilt from that variable; a
     * pattern that fails (a subscript out of range) matches nothing.
     */
    public static List<String> namesMatching(Map<String, List<String>> groups, String pattern) {
        Inventory inventory = new Inventory();
        groups.forEach((name, hosts) -> {
            Group group = inventory.addGroup(name);
            hosts.forEach(host -> group.addHost(inventory.addHost(host)));
        });
        try {
            return select(inventory, pattern, warning -> {}).stream()
                    .map(Host::name)
                    .toList();
        } catch (AnsibleError e) {
            return List.of();
        }
    }

    /** The hosts matching the pattern and, when there is one, the {@code --limit} pattern. */
    public static List<Host> select(Inventory inventory, String pattern, String limit, Consumer<String> warnings) {
        List<Host> hosts = select(inventory, pattern, warnings);
        if (limit != null) {
            hosts.retainAll(select(inventory, limit, warnings));
        }
        return hosts;
    }

    static List<String> split(String pattern) {
        List<String> terms = new ArrayList<>();
        if (pattern.contains(",")) {
            terms.addAll(List.of(pattern.split(",")));
        } else if (IPV6.matcher(pattern.strip()).matches()) {
            terms.add(pattern);
        } else {
            Matcher m = COLON_TERM.matcher(pattern);
            while (m.find()) {
                terms.add(m.group());
            }
        }
        return terms.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    private static List<Host> match(Inventory inventory, String term, Consumer<String> warnings) {
        Host named = inventory.hosts().get(term);
        if (named != null) {
            return List.of(named);
        }
        Matcher subscript = term.startsWith("~") ? null : SUBSCRIPT.matcher(term);
        if (subscript == null || !subscript.matches()) {
            return enumerate(inventory, term, warnings);
        }
        List<Host> hosts = enumerate(inventory, subscript.group(1), warnings);
        String end = subscript.group(5);
        // Ansible reads [x:0] as [x]: its end of 0 is falsy.
        if (subscript.group(2) != null || end.matches("0+")) {
            int index = Integer.parseInt(subscript.group(2) != null ? subscript.group(2) : subscript.group(3));
            int at = index < 0 ? hosts.size() + index : index;
            if (at < 0 || at >= hosts.size()) {
                throw new AnsibleError("No hosts matched the subscripted pattern '" + term + "'");
            }
            return List.of(hosts.get(at));
        }
        int start = Integer.parseInt(subscript.group(3));
        int last = end.isEmpty() ? hosts.size() - 1 : Integer.parseInt(end);
        // [x:y] is inclusive, with Python's slice clamping.
        int from = Math.min(start, hosts.size());
        return hosts.subList(from, Math.max(from, Math.min(last + 1, hosts.size())));
    }

    /** A term without subscript: groups whose names match, and hosts when no group did or the term is a wildcard. */
    private static List<Host> enumerate(Inventory inventory, String expression, Consumer<String> warnings) {
        boolean regex = expression.startsWith("~");
        Pattern pattern = compile(expression);
        List<Host> found = new ArrayList<>();
        boolean groupMatched = false;
        for (Group group : inventory.groups().values()) {
            if (matches(pattern, regex, group.name())) {
                groupMatched = true;
                found.addAll(group.allHosts());
            }
        }
        if (!groupMatched || regex || expression.matches(".*[.?*\\[].*")) {
            for (Host host : inventory.hosts().values()) {
                if (matches(pattern, regex, host.name())) {
                    found.add(host);
                }
            }
        }
        if (found.isEmpty() && Inventory.isLocalhost(expression)) {
            found.add(inventory.host(expression));
        }
        if (found.isEmpty() && !groupMatched && !expression.equals("all")) {
            warnings.accept("Could not match supplied host pattern, ignoring: " + expression);
        }
        return found;
    }

    /** {@code ~regex} matches at the start of a name (Python's re.match); anything else is a shell wildcard. */
    private static boolean matches(Pattern pattern, boolean regex, String name) {
        Matcher m = pattern.matcher(name);
        return regex ? m.lookingAt() : m.matches();
    }

    private static Pattern compile(String expression) {
        try {
            return expression.startsWith("~")
                    ? Pattern.compile(expression.substring(1))
                    : Pattern.compile(glob(expression), Pattern.DOTALL);
        } catch (PatternSyntaxException e) {
            throw new AnsibleError("Invalid host list pattern: " + expression);
        }
    }

    /** Python's fnmatch.translate: {@code *}, {@code ?}, {@code [seq]}, {@code [!seq]}; an unclosed {@code [} is literal. */
    static String glob(String wildcard) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        int n = wildcard.length();
        while (i < n) {
            char c = wildcard.charAt(i++);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && wildcard.charAt(j) == '!') {
                    j++;
                }
                if (j < n && wildcard.charAt(j) == ']') {
                    j++;
                }
                while (j < n && wildcard.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    regex.append("\\[");
                } else {
                    regex.append(characterClass(wildcard.substring(i, j)));
                    i = j + 1;
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }

    private static String characterClass(String set) {
        StringBuilder out = new StringBuilder("[");
        int start = 0;
        if (set.startsWith("!")) {
            out.append('^');
            start = 1;
        }
        for (int k = start; k < set.length(); k++) {
            char c = set.charAt(k);
            if ("\\[]&^".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append(']').toString();
    }
}
