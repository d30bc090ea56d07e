package dev.rolehop.aws.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts boto3-style CamelCase keys to Ansible's snake_case, exactly as Ansible's
 * {@code camel_dict_to_snake_dict} (non-reversible mode) does, so return values have the keys
 * amazon.aws users expect ({@code IpPermissionsEgress} -> {@code ip_permissions_egress},
 * {@code HTTPStatusCode} -> {@code http_status_code}).
 */
public final class SnakeCase {

    // The three patterns of ansible.module_utils.common.dict_transformations._camel_to_snake.
    private static final Pattern PLURAL_ABBREVIATION = Pattern.compile("[A-Z]{3,}s$");
    private static final Pattern FIRST_CAP = Pattern.compile("(.)([A-Z][a-z]+)");
    private static final Pattern ALL_CAP = Pattern.compile("([a-z0-9])([A-Z]+)");

    private SnakeCase() {}

    /** Converts one key: {@code GroupId} -> {@code group_id}, {@code TargetGroupARNs} -> {@code target_group_arns}. */
    public static String of(String name) {
        Matcher plural = PLURAL_ABBREVIATION.matcher(name);
        StringBuilder s1 = new StringBuilder();
        while (plural.find()) {
            plural.appendReplacement(
                    s1, Matcher.quoteReplacement("_" + plural.group().toLowerCase(Locale.ROOT)));
        }
        plural.appendTail(s1);
        String first = s1.toString();
        if (first.startsWith("_") && !name.startsWith("_")) {
            first = first.substring(1);
        }
        String s2 = FIRST_CAP.matcher(first).replaceAll("$1_$2");
        return ALL_CAP.matcher(s2).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
    }

    /**
     * Converts every key of a map, recursing into maps and lists, except below the keys named in
     * {@code ignore} (whose values are kept as they are, like {@code Tags}).
     */
    public static Map<String, Object> dict(Map<String, ?> camel, Collection<String> ignore) {
        Map<String, Object> snake = new LinkedHashMap<>();
        camel.forEach((key, value) -> snake.put(of(key), ignore.contains(key) ? value : convert(value)));
        return snake;
    }

    /** Converts every key of a map and of everything below it. */
    public static Map<String, Object> dict(Map<String, ?> camel) {
        return dict(camel, List.of());
    }

    @SuppressWarnings("unchecked")
    private static Object convert(Object value) {
        if (value instanceof Map<?, ?> map) {
            return dict((Map<String, ?>) map, List.of());
        }
        if (value instanceof List<?> list) {
            List<Object> converted = new ArrayList<>(list.size());
            list.forEach(item -> converted.add(convert(item)));
            return converted;
        }
        return value;
    }
}
