package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.aws.client.Boto3Shapes;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.python.PythonRepr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteRequest;
import software.amazon.awssdk.services.ec2.model.RouteTable;

/**
 * The routes of {@code ec2_vpc_route_table}: its {@code routes} turned into boto3 route specs as
 * amazon.aws's {@code create_route_spec}, and made a table's as its {@code ensure_routes}.
 */
final class RouteSpecs {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}(/\\d{1,2})?");

    private RouteSpecs() {}

    /**
     * The route specs of the {@code routes} argument: {@code dest} becomes the IPv4 or IPv6
     * destination, a {@code gateway_id} of {@code igw} the VPC's gateway (from {@code igw}), one
     * starting {@code nat-} a {@code nat_gateway_id}; keys in boto3's CamelCase.
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, String>> of(List<Object> routes, java.util.function.Supplier<String> igw) {
        List<Map<String, String>> specs = new ArrayList<>();
        for (Object item : routes) {
            Map<String, Object> route = new LinkedHashMap<>((Map<String, Object>) item);
            if (!route.containsKey("dest")) {
                throw new ModuleFailure("a route of routes has no dest: " + PythonRepr.repr(item));
            }
            Object dest = route.remove("dest");
            route.put(destinationKey(String.valueOf(dest)), dest);
            if (route.get("gateway_id") instanceof String gateway) {
                if (gateway.toLowerCase(Locale.ROOT).equals("igw")) {
                    route.put("gateway_id", igw.get());
                } else if (gateway.startsWith("nat-")) {
                    route.put("nat_gateway_id", route.remove("gateway_id"));
                }
            }
            Map<String, String> spec = new LinkedHashMap<>();
            route.forEach((key, value) -> spec.put(camel(key), PythonRepr.str(value)));
            specs.add(spec);
        }
        return specs;
    }

    private static String destinationKey(String dest) {
        if (IPV4.matcher(dest).matches()) {
            return "destination_cidr_block";
        }
        if (dest.contains(":")) {
            return "destination_ipv6_cidr_block";
        }
        throw new ModuleFailure(PythonRepr.repr(dest) + " does not appear to be an IPv4 or IPv6 network");
    }

    /** Ansible's {@code _snake_to_camel} with {@code capitalize_first}. */
    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_", -1)) {
            out.append(
                    part.isEmpty()
                            ? "_"
                            : Character.toUpperCase(part.charAt(0))
                                    + part.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    /**
     * Makes the table's routes the specs (and, when purging, only those plus AWS's own), as
     * {@code ensure_routes}: true when something changes. {@code warn} takes its warnings.
     */
    static boolean ensure(
            AwsSession aws,
            ModuleContext context,
            RouteTable table,
            List<Map<String, String>> specs,
            boolean purge,
            Consumer<String> warn) {
        List<Map<String, Object>> unmatched = new ArrayList<>();
        table.routes().forEach(route -> unmatched.add(Boto3Shapes.of(route)));
        List<Map<String, String>> create = new ArrayList<>();
        List<Map<String, String>> recreate = new ArrayList<>();
        for (Map<String, String> spec : specs) {
            int exact = -1;
            int replace = -1;
            for (int i = 0; i < unmatched.size() && exact < 0 && replace < 0; i++) {
                Map<String, Object> route = unmatched.get(i);
                if (spec.entrySet().stream().allMatch(e -> Objects.equals(route.get(e.getKey()), e.getValue()))) {
                    exact = i;
                } else if (route.containsKey("Origin")
                        && !"EnableVgwRoutePropagation".equals(route.get("Origin"))
                        && sameDestination(spec, route)) {
                    replace = i;
                }
            }
            if (exact < 0 && replace < 0) {
                create.add(spec);
                continue;
            }
            if (replace >= 0) {
                if (spec.containsKey("DestinationCidrBlock")) {
                    recreate.add(spec);
                } else {
                    warn.accept("Skipping recreating route " + PythonRepr.repr(spec)
                            + " because it has no destination cidr block.");
                }
            }
            unmatched.remove(Math.max(exact, replace));
        }
        List<Map<String, Object>> delete = new ArrayList<>();
        if (purge) {
            for (Map<String, Object> route : unmatched) {
                if (!route.containsKey("DestinationCidrBlock")) {
                    warn.accept("Skipping purging route " + PythonRepr.repr(route) + " because it has no destination "
                            + "cidr block. To remove VPC endpoints from route tables use the ec2_vpc_endpoint module.");
                } else if ("CreateRoute".equals(route.get("Origin"))) {
                    delete.add(route);
                }
            }
        }
        boolean changed = !(delete.isEmpty() && create.isEmpty() && recreate.isEmpty());
        if (!changed || context.checkMode()) {
            return changed;
        }
        String id = table.routeTableId();
        for (Map<String, Object> route : delete) {
            aws.call(
                    "ec2",
                    "DeleteRoute",
                    "Couldn't delete route",
                    () -> aws.ec2()
                            .deleteRoute(DeleteRouteRequest.builder()
                                    .routeTableId(id)
                                    .destinationCidrBlock(String.valueOf(route.get("DestinationCidrBlock")))
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
        for (Map<String, String> spec : recreate) {
            var request = fill(ReplaceRouteRequest.builder().routeTableId(id).overrideConfiguration(aws.tag()), spec);
            aws.call(
                    "ec2",
                    "ReplaceRoute",
                    "Couldn't recreate route",
                    () -> aws.ec2().replaceRoute(request.build()));
        }
        for (Map<String, String> spec : create) {
            var request = fill(CreateRouteRequest.builder().routeTableId(id).overrideConfiguration(aws.tag()), spec);
            try {
                aws.call(
                        "ec2",
                        "CreateRoute",
                        "Couldn't create route",
                        () -> aws.ec2().createRoute(request.build()));
            } catch (ModuleFailure failure) {
                if (!(failure.values().get("error") instanceof Map<?, ?> error
                        && "RouteAlreadyExists".equals(error.get("code")))) {
                    throw failure;
                }
                // amazon.aws then reports no change at all.
                changed = false;
            }
        }
        return changed;
    }

    private static boolean sameDestination(Map<String, String> spec, Map<String, Object> route) {
        for (String key : List.of("DestinationCidrBlock", "DestinationIpv6CidrBlock")) {
            if (spec.get(key) != null && route.get(key) != null) {
                return spec.get(key).equals(route.get(key));
            }
        }
        return false;
    }

    /** A request builder given a spec's members by their boto3 names, failing as botocore on an unknown one. */
    private static <B extends SdkPojo> B fill(B builder, Map<String, String> spec) {
        Map<String, SdkField<?>> fields = new LinkedHashMap<>();
        builder.sdkFields().forEach(field -> fields.put(field.memberName(), field));
        spec.forEach((name, value) -> {
            SdkField<?> field = fields.get(name);
            if (field == null || name.equals("RouteTableId") || name.equals("DryRun")) {
                throw new ModuleFailure("Parameter validation failed:\nUnknown parameter in input: \"" + name
                        + "\", must be one of: " + String.join(", ", fields.keySet()));
            }
            field.set(builder, value);
        });
        return builder;
    }
}
