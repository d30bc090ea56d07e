package dev.rolehop.aws.ec2;

import java.util.ArrayList;
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
