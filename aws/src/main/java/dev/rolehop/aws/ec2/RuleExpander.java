package dev.rolehop.aws.ec2;

import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.python.PythonRepr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Expands the {@code rules}/{@code rules_egress} of {@code ec2_security_group} into one rule per
 * port range and per source, in amazon.aws 5.5's order: nested source lists flattened, then
 * {@code ports} expanded ({@code 22}, {@code "8000-8100"}, lists), {@code icmp_type}/{@code icmp_code}
 * mapped to {@code from_port}/{@code to_port}, then sources expanded, then duplicates dropped.
 */
final class RuleExpander {

    static final List<String> SOURCE_TYPES = List.of("cidr_ip", "cidr_ipv6", "group_id", "group_name", "ip_prefix");

    private RuleExpander() {}

    /** The expanded rules, or {@code null} when {@code rules} is {@code null} (not given). */
    static List<Map<String, Object>> expand(List<Object> rules) {
        if (rules == null) {
            return null;
        }
        List<Map<String, Object>> dicts = new ArrayList<>();
        for (Object rule : rules) {
            if (!(rule instanceof Map<?, ?> map)) {
                throw new ModuleFailure("Invalid rule parameter type [" + pythonType(rule) + "].");
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), v));
            flattenTargets(copy);
            dicts.add(copy);
        }
        List<Map<String, Object>> byPort = new ArrayList<>();
        dicts.forEach(rule -> byPort.addAll(expandPorts(rule)));
        List<Map<String, Object>> bySource = new ArrayList<>();
        byPort.forEach(rule -> bySource.addAll(expandSources(rule)));
        return deduplicate(bySource);
    }

    private static String pythonType(Object value) {
        if (value instanceof String) {
            return "<class 'str'>";
        }
        if (value instanceof Number) {
            return "<class 'int'>";
        }
        return value instanceof List ? "<class 'list'>" : "<class 'NoneType'>";
    }

    private static void flattenTargets(Map<String, Object> rule) {
        for (String key : List.of("cidr_ip", "cidr_ipv6")) {
            if (rule.get(key) instanceof List<?> list) {
                List<Object> flat = new ArrayList<>();
                flatten(list, flat);
                rule.put(key, flat);
                return;
            }
        }
    }

    private static void flatten(List<?> items, List<Object> into) {
        for (Object item : items) {
            if (item instanceof List<?> nested) {
                flatten(nested, into);
            } else if (item instanceof String) {
                into.add(item);
            }
        }
    }

    static List<Map<String, Object>> expandPorts(Map<String, Object> rule) {
        if (!rule.containsKey("ports")) {
            boolean nonIcmp = rule.get("icmp_type") == null || rule.get("icmp_code") == null;
            boolean conflict = !nonIcmp && (truthy(rule.get("from_port")) || truthy(rule.get("to_port")));
            if (nonIcmp) {
                intIfString(rule, "from_port", rule.get("from_port"));
                intIfString(rule, "to_port", rule.get("to_port"));
            } else {
                rule.put("from_port", toIntIfString(rule.get("icmp_type")));
                rule.put("to_port", toIntIfString(rule.get("icmp_code")));
                if (!conflict) {
                    // Marks that the icmp keys were turned into ports, for the validation that follows.
                    rule.put("icmp_keys", true);
                }
            }
            return List.of(rule);
        }
        Object ports = rule.get("ports");
        List<?> list = ports instanceof List<?> l ? l : List.of(ports);
        List<Map<String, Object>> expanded = new ArrayList<>();
        for (Object port : list) {
            int[] range = portRange(port, rule);
            Map<String, Object> copy = new LinkedHashMap<>(rule);
            copy.remove("ports");
            copy.put("from_port", Math.min(range[0], range[1]));
            copy.put("to_port", Math.max(range[0], range[1]));
            expanded.add(copy);
        }
        return expanded;
    }

    private static int[] portRange(Object port, Map<String, Object> rule) {
        try {
            if (!(port instanceof String text)) {
                int p = ((Number) port).intValue();
                return new int[] {p, p};
            }
            if (text.contains("-")) {
                String[] parts = text.split("-", 2);
                return new int[] {Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip())};
            }
            int p = Integer.parseInt(text.strip());
            return new int[] {p, p};
        } catch (RuntimeException e) {
            throw new ModuleFailure("Invalid port " + PythonRepr.repr(port) + " in rule " + PythonRepr.repr(rule)
                    + ": give a port number, a range like \"8000-8100\", or a list of them");
        }
    }

    private static void intIfString(Map<String, Object> rule, String key, Object value) {
        if (value instanceof String) {
            rule.put(key, toIntIfString(value));
        }
    }

    private static Object toIntIfString(Object value) {
        if (value instanceof String text) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                throw new ModuleFailure("invalid literal for int() with base 10: " + PythonRepr.repr(text));
            }
        }
        return value instanceof Number n ? n.intValue() : value;
    }

    private static boolean truthy(Object value) {
        return value != null && !(value instanceof Number n && n.intValue() == 0) && !"".equals(value);
    }

    static List<Map<String, Object>> expandSources(Map<String, Object> rule) {
        List<Map<String, Object>> expanded = new ArrayList<>();
        for (String type : SOURCE_TYPES) {
            if (!rule.containsKey(type)) {
                continue;
            }
            Object value = rule.get(type);
            List<?> sources = value instanceof List<?> l ? l : java.util.Collections.singletonList(value);
            for (Object source : sources) {
                Map<String, Object> copy = new LinkedHashMap<>(rule);
                SOURCE_TYPES.forEach(copy::remove);
                copy.put(type, source);
                expanded.add(copy);
            }
        }
        return expanded;
    }

    private static List<Map<String, Object>> deduplicate(List<Map<String, Object>> rules) {
        Map<String, Map<String, Object>> unique = new LinkedHashMap<>();
        rules.forEach(rule -> unique.put(new TreeMap<>(rule).toString(), rule));
        return new ArrayList<>(unique.values());
    }
}
