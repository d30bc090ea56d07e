package dev.rolehop.local.ec2;

import dev.rolehop.local.policy.Wildcards;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * EC2's {@code Filter.N.Name} / {@code Filter.N.Value.M} request filters: filters AND-ed,
 * values OR-ed, {@code *} and {@code ?} wildcards, {@code tag:KEY}, {@code tag-key}, {@code tag-value}.
 */
final class Filters {

    private record Filter(String name, List<String> values) {}

    private final List<Filter> filters;

    private Filters(List<Filter> filters) {
        this.filters = filters;
    }

    /** Reads the filters of a request, rejecting names the action does not know. */
    static Filters parse(QueryParams params, Set<String> known) {
        List<Filter> out = new ArrayList<>();
        for (QueryParams f : params.members("Filter")) {
            String name = f.get("Name")
                    .orElseThrow(() ->
                            AwsErrorCode.MISSING_PARAMETER.error("The request must contain the parameter Filter.Name"));
            if (!known.contains(name)
                    && !name.startsWith("tag:")
                    && !name.equals("tag-key")
                    && !name.equals("tag-value")) {
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("The filter '" + name + "' is invalid");
            }
            out.add(new Filter(name, f.values("Value")));
        }
        return new Filters(out);
    }

    /**
     * Whether a resource passes every filter.
     *
     * @param fields the resource's values for a filter name (several for list fields)
     */
    boolean matches(Function<String, List<String>> fields, Map<String, String> tags) {
        for (Filter f : filters) {
            List<String> actual;
            if (f.name().startsWith("tag:")) {
                String value = tags.get(f.name().substring(4));
                actual = value == null ? List.of() : List.of(value);
            } else if (f.name().equals("tag-key")) {
                actual = List.copyOf(tags.keySet());
            } else if (f.name().equals("tag-value")) {
                actual = List.copyOf(tags.values());
            } else {
                actual = fields.apply(f.name());
            }
            boolean any = false;
            for (String a : actual) {
                for (String pattern : f.values()) {
                    any |= a != null && Wildcards.matches(pattern, a, false);
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }
}
