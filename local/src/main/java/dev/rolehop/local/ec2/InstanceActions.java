package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.Instance;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.XmlWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * EC2 StartInstances, StopInstances, TerminateInstances and RebootInstances: each instance moves
 * into its passing state (or stays where it is when it is there already) and the answer gives
 * its previous and current state. One instance in the wrong state fails the whole request.
 */
final class InstanceActions {

    private static final DateTimeFormatter REASON_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'GMT'").withZone(ZoneOffset.UTC);

    /** A state change: previous and current state of one instance. */
    private record Change(String id, String previous, String current) {}

    private final WorldState state;
    private final InstanceLifecycle lifecycle;

    InstanceActions(WorldState state, InstanceLifecycle lifecycle) {
        this.state = state;
        this.lifecycle = lifecycle;
    }

    String start(ServiceCall call) {
        return change(call, "StartInstances", (i, seen, now) -> {
            if (seen.equals("running") || seen.equals("pending")) {
                return i;
            }
            if (!seen.equals("stopped")) {
                throw AwsErrorCode.INCORRECT_INSTANCE_STATE.error(
                        "The instance '" + i.id() + "' is not in a state from which it can be started.");
            }
            String publicIp =
                    Boolean.parseBoolean(i.attribute(RunInstances.PUBLIC_ON_START)) ? Addresses.nextPublic() : null;
            return i.withLaunch(now, publicIp).withState("pending", now, null);
        });
    }

    String stop(ServiceCall call) {
        return change(call, "StopInstances", (i, seen, now) -> {
            if (seen.equals("stopped") || seen.equals("stopping")) {
                return i;
            }
            if (!seen.equals("running") && !seen.equals("pending")) {
                throw AwsErrorCode.INCORRECT_INSTANCE_STATE.error(
                        "This instance '" + i.id() + "' is not in a state from which it can be stopped.");
            }
            if (Boolean.parseBoolean(i.attribute("disableApiStop"))) {
                throw AwsErrorCode.OPERATION_NOT_PERMITTED.error("The instance '" + i.id()
                        + "' may not be stopped. Modify its 'disableApiStop' instance attribute and try again.");
            }
            return i.withLaunch(i.launchTime(), null).withState("stopping", now, userInitiated(now));
        });
    }

    String terminate(ServiceCall call) {
        return change(call, "TerminateInstances", (i, seen, now) -> {
            if (seen.equals("terminated") || seen.equals("shutting-down")) {
                return i;
            }
            if (Boolean.parseBoolean(i.attribute("disableApiTermination"))) {
                throw AwsErrorCode.OPERATION_NOT_PERMITTED.error("The instance '" + i.id()
                        + "' may not be terminated. Modify its 'disableApiTermination' instance attribute and "
                        + "try again.");
            }
            return i.withLaunch(i.launchTime(), null).withState("shutting-down", now, userInitiated(now));
        });
    }

    /** RebootInstances: a running instance stays running; any other state is refused. */
    String reboot(ServiceCall call) {
        List<String> ids = ids(call);
        state.read(call.caller().accountId(), call.region(), r -> {
            for (Instance i : Instances.visible(r, lifecycle, call.now(), ids)) {
                String seen = lifecycle.state(i, call.now());
                if (!seen.equals("running")) {
                    throw AwsErrorCode.INCORRECT_INSTANCE_STATE.error(
                            "The instance '" + i.id() + "' is not in the 'running' state.");
                }
            }
            return null;
        });
        return Ec2Xml.end(Ec2Xml.start("RebootInstances", call.requestId()).element("return", true), "RebootInstances");
    }

    /** How one action moves an instance the caller sees in a state. */
    private interface Transition {
        Instance apply(Instance instance, String seen, Instant now);
    }

    private String change(ServiceCall call, String action, Transition transition) {
        List<String> ids = ids(call);
        Instant now = call.now();
        List<Change> changes = state.change(call.caller().accountId(), call.region(), r -> {
            List<Change> out = new ArrayList<>();
            for (Instance i : Instances.visible(r, lifecycle, now, ids)) {
                String previous = lifecycle.state(i, now);
                Instance after = transition.apply(i, previous, now);
                if (after != i) {
                    r.putResource(after);
                    if (after.state().equals("shutting-down")) {
                        NetworkInterfaces.released(r, after);
                    }
                }
                out.add(new Change(i.id(), previous, after == i ? previous : after.state()));
            }
            return out;
        });
        XmlWriter xml = Ec2Xml.start(action, call.requestId()).open("instancesSet");
        for (Change c : changes) {
            xml.open("item").element("instanceId", c.id());
            stateElement(xml, "currentState", c.current());
            stateElement(xml, "previousState", c.previous());
            xml.close("item");
        }
        xml.close("instancesSet");
        return Ec2Xml.end(xml, action);
    }

    private static List<String> ids(ServiceCall call) {
        List<String> ids = call.params().values("InstanceId");
        if (ids.isEmpty()) {
            throw AwsErrorCode.MISSING_PARAMETER.error("The request must contain the parameter InstanceId");
        }
        return ids.stream().distinct().toList();
    }

    private static void stateElement(XmlWriter xml, String element, String name) {
        xml.open(element)
                .element("code", InstanceLifecycle.CODES.get(name))
                .element("name", name)
                .close(element);
    }

    /** EC2's state transition reason for a change the user asked for. */
    private static String userInitiated(Instant now) {
        return "User initiated (" + REASON_TIME.format(now) + ")";
    }
}
