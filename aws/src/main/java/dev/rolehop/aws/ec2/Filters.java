package dev.rolehop.aws.ec2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Filter;

/** Turns an Ansible {@code filters} dict into EC2 filters, as amazon.aws's {@code ansible_dict_to_boto3_filter_list}. */
final class Filters {

    private Filters() {}

    static List<Filter> of(Map<String, Object> filters) {
        List<Filter> list = new ArrayList<>();
        filters.forEach((name, value) ->
                list.add(Filter.builder().name(name).values(values(value)).build()));
        return list;
    }

    /** One filter: a name and its values. */
    static Filter one(String name, String... values) {
        return Filter.builder().name(name).values(values).build();
    }

    /**
     * The filters with every underscore of a name read as a dash ({@code tag:} names included), as
     * {@code aws_az_info} and {@code aws_region_info} rewrite them (a Python dict's assignment, then
     * deletion): a renamed key moves to the end unless its dashed spelling is there already, whose
     * value it then takes in place, so the underscore spelling wins a clash.
     */
    static Map<String, Object> dashed(Map<String, Object> filters) {
        Map<String, Object> sanitized = new LinkedHashMap<>(filters);
        filters.forEach((name, value) -> {
            if (name.contains("_")) {
                sanitized.put(name.replace('_', '-'), value);
                sanitized.remove(name);
            }
        });
        return sanitized;
    }

    private static List<String> values(Object value) {
        if (value instanceof List<?> items) {
            return items.stream().map(Filters::text).toList();
        }
        return List.of(text(value));
    }

    private static String text(Object value) {
        // Python's str(True).lower() == "true"
        return value instanceof Boolean b ? b.toString() : String.valueOf(value);
    }
}
