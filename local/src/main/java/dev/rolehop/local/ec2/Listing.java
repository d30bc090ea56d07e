package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.Ec2Resource;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.wire.XmlWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * An EC2 Describe action over one kind of stored resource: the ids asked for must exist, then
 * filters select, pagination cuts, and each item is written in the answer's set element.
 *
 * @param idParam the request's id list ({@code VpcId} for {@code VpcId.N})
 * @param fields the resource's values for a filter name (tag filters are handled by {@link Filters})
 * @param notFound the error for an id asked for that does not exist
 */
record Listing<T extends Ec2Resource>(
        String action,
        String setElement,
        String idParam,
        Class<T> type,
        Set<String> filterNames,
        Fields<T> fields,
        Function<String, AwsException> notFound,
        Item<T> item) {

    /** A resource's values for a filter name, in its region's state. */
    interface Fields<T> {
        List<String> of(T resource, String filter, RegionState r);
    }

    /** Writes one resource as an {@code <item>}; {@code r} is its region's state, {@code region} the region's name. */
    interface Item<T> {
        void write(XmlWriter xml, T resource, Map<String, String> tags, RegionState r, String region);
    }

    /** Answers the Describe call. */
    String describe(ServiceCall call, WorldState state) {
        Filters filters = Filters.parse(call.params(), filterNames);
        List<String> ids = call.params().values(idParam);
        XmlWriter xml = Ec2Xml.start(action, call.requestId()).open(setElement);
        Pages.Page<T> page = state.read(call.caller().accountId(), call.region(), r -> {
            for (String id : ids) {
                if (r.resource(type, id).isEmpty()) {
                    throw notFound.apply(id);
                }
            }
            List<T> selected = r.resources(type).stream()
                    .filter(x -> ids.isEmpty() || ids.contains(x.id()))
                    .filter(x -> filters.matches(f -> fields.of(x, f, r), r.tags(x.id())))
                    .toList();
            Pages.Page<T> p = Pages.of(call.params(), selected);
            p.items().forEach(x -> item.write(xml, x, r.tags(x.id()), r, call.region()));
            return p;
        });
        xml.close(setElement).element("nextToken", page.nextToken());
        return Ec2Xml.end(xml, action);
    }
}
