package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.aws.client.Boto3Shapes;
import dev.rolehop.aws.client.SnakeCase;
import dev.rolehop.engine.module.ModuleFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.RouteTable;

/** Route tables read as amazon.aws's route table modules read and return them. */
final class RouteTables {

    private RouteTables() {}

    /**
     * The route tables of a paginated DescribeRouteTables, as {@code describe_route_tables_with_backoff};
     * {@code null} when AWS answers that a named table does not exist.
     */
    static List<RouteTable> describe(AwsSession aws, List<String> ids, List<Filter> filters, String prefix) {
        var request = DescribeRouteTablesRequest.builder().filters(filters).overrideConfiguration(aws.tag());
        if (!ids.isEmpty()) {
            request.routeTableIds(ids);
        }
        try {
            return aws.call("ec2", "DescribeRouteTables", prefix, () -> {
                List<RouteTable> all = new ArrayList<>();
                aws.ec2()
                        .describeRouteTablesPaginator(request.build())
                        .routeTables()
                        .forEach(all::add);
                return all;
            });
        } catch (ModuleFailure failure) {
            if (failure.values().get("error") instanceof Map<?, ?> error
                    && "InvalidRouteTableID.NotFound".equals(error.get("code"))) {
                return null;
            }
            throw failure;
        }
    }

    /** A table as {@code ec2_vpc_route_table} returns it: snake_cased, {@code tags} a dict, {@code id}. */
    static Map<String, Object> result(RouteTable table) {
        Map<String, Object> camel = Boto3Shapes.of(table);
        camel.put("Tags", SecurityGroupResult.tags(table.tags()));
        Map<String, Object> snake = new LinkedHashMap<>(SnakeCase.dict(camel, List.of("Tags")));
        snake.put("id", table.routeTableId());
        return snake;
    }

    /**
     * A table as {@code ec2_vpc_route_table_info} returns it: boto v2's names kept beside boto3's
     * ({@code id}, associations' {@code id}, routes' {@code interface_id}, routes' legacy keys as
     * {@code None} when AWS leaves them out).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> info(RouteTable table) {
        Map<String, Object> camel = Boto3Shapes.of(table);
        camel.put("tags", SecurityGroupResult.tags(table.tags()));
        List<Map<String, Object>> associations = new ArrayList<>();
        for (Object item : (List<Object>) camel.getOrDefault("Associations", List.of())) {
            Map<String, Object> association = new LinkedHashMap<>((Map<String, Object>) item);
            association.put("Id", association.get("RouteTableAssociationId"));
            associations.add(association);
        }
        camel.put("Associations", associations);
        List<Map<String, Object>> routes = new ArrayList<>();
        for (Object item : (List<Object>) camel.getOrDefault("Routes", List.of())) {
            Map<String, Object> route = new LinkedHashMap<>((Map<String, Object>) item);
            for (String legacy : List.of(
                    "DestinationCidrBlock", "GatewayId", "InstanceId", "Origin", "State", "NetworkInterfaceId")) {
                route.putIfAbsent(legacy, null);
            }
            route.put("InterfaceId", route.get("NetworkInterfaceId"));
            routes.add(route);
        }
        camel.put("Routes", routes);
        camel.put("Id", table.routeTableId());
        camel.remove("Tags");
        return SnakeCase.dict(camel, List.of("tags"));
    }
}
