package dev.rolehop.engine.template.ansible;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import io.burt.jmespath.JmesPath;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * community.general's {@code json_query(expr)}: a JMESPath search of the value, by the
 * jmespath-jackson library (Ansible uses Python's jmespath). Values cross to JSON nodes and back:
 * dicts keep their order, integers stay integers.
 */
final class JsonQueryFilter {
    private static final JmesPath<JsonNode> JMESPATH = new JacksonRuntime();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonQueryFilter() {}

    static PluginFilter filter() {
        return new PluginFilter("json_query", JsonQueryFilter::query);
    }

    private static Object query(Object value, Arguments args, JinjavaInterpreter interpreter) {
        args.accept("expr");
        String expression = PythonRepr.str(args.get(0, "expr", null));
        JsonNode result;
        try {
            result = JMESPATH.compile(expression).search(toNode(value));
        } catch (JmesPathException e) {
            throw new AnsibleFilterError("JMESPath query failed: " + e.getMessage());
        }
        return fromNode(result);
    }

    private static JsonNode toNode(Object value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (value instanceof Boolean flag) {
            return NODES.booleanNode(flag);
        }
        if (value instanceof Long || value instanceof Integer) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return NODES.numberNode(big);
        }
        if (value instanceof Number number) {
            return NODES.numberNode(number.doubleValue());
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = NODES.objectNode();
            map.forEach((k, v) -> object.set(PythonRepr.str(k), toNode(v)));
            return object;
        }
        if (value instanceof Iterable<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(toNode(item)));
            return array;
        }
        return NODES.textNode(PythonRepr.str(value));
    }

    private static Object fromNode(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            BigDecimal decimal = node.decimalValue();
            return decimal.doubleValue();
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isArray()) {
            List<Object> items = new ArrayList<>();
            node.forEach(item -> items.add(fromNode(item)));
            return items;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            map.put(field.getKey(), fromNode(field.getValue()));
        }
        return map;
    }
}
