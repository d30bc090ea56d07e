package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.InternetGateway;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Ids;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** EC2 internet gateways: create, attach to a VPC (one each way), detach, delete, describe. */
final class InternetGateways {

    private static final Set<String> FILTERS =
            Set.of("internet-gateway-id", "attachment.vpc-id", "attachment.state", "owner-id");

    private final WorldState state;
    private final Listing<InternetGateway> listing = new Listing<>(
            "DescribeInternetGateways",
            "internetGatewaySet",
            "InternetGatewayId",
            InternetGateway.class,
            FILTERS,
            (x, f, r) -> InternetGateways.field(x, f),
            InternetGateways::notFound,
            (xml, igw, tags, r, region) -> write(xml, "item", igw, tags));

    InternetGateways(WorldState state) {
        this.state = state;
    }

    String create(ServiceCall call) {
        Map<String, String> tags = TagSpecifications.forNew(call.params(), "internet-gateway");
        InternetGateway igw =
                new InternetGateway(Ids.randomHex("igw-"), call.caller().accountId(), null);
        state.change(call.caller().accountId(), call.region(), r -> {
            r.putResource(igw);
            tags.forEach((k, v) -> r.tag(igw.id(), k, v));
            return null;
        });
        XmlWriter xml = Ec2Xml.start("CreateInternetGateway", call.requestId());
        write(xml, "internetGateway", igw, tags);
        return Ec2Xml.end(xml, "CreateInternetGateway");
    }

    String attach(ServiceCall call) {
        String id = call.params().required("InternetGatewayId");
        String vpcId = call.params().required("VpcId");
        state.change(call.caller().accountId(), call.region(), r -> {
            InternetGateway igw = find(r, id);
            Vpcs.find(r, vpcId);
            if (igw.vpcId() != null) {
                throw AwsErrorCode.RESOURCE_ALREADY_ASSOCIATED.error(
                        "resource " + id + " is already attached to network " + igw.vpcId());
            }
            r.resources(InternetGateway.class).stream()
                    .filter(g -> vpcId.equals(g.vpcId()))
                    .findFirst()
                    .ifPresent(g -> {
                        throw AwsErrorCode.RESOURCE_ALREADY_ASSOCIATED.error(
                                "Network " + vpcId + " already has an internet gateway attached");
                    });
            r.putResource(igw.withVpc(vpcId));
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("AttachInternetGateway", call.requestId()).element("return", true),
                "AttachInternetGateway");
    }

    String detach(ServiceCall call) {
        String id = call.params().required("InternetGatewayId");
        String vpcId = call.params().required("VpcId");
        state.change(call.caller().accountId(), call.region(), r -> {
            InternetGateway igw = find(r, id);
            Vpcs.find(r, vpcId);
            if (!vpcId.equals(igw.vpcId())) {
                throw AwsErrorCode.GATEWAY_NOT_ATTACHED.error(
                        "resource " + id + " is not attached to network " + vpcId);
            }
            r.putResource(igw.withVpc(null));
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("DetachInternetGateway", call.requestId()).element("return", true),
                "DetachInternetGateway");
    }

    String delete(ServiceCall call) {
        String id = call.params().required("InternetGatewayId");
        state.change(call.caller().accountId(), call.region(), r -> {
            if (find(r, id).vpcId() != null) {
                throw Ec2Errors.dependencies("internetGateway", id);
            }
            r.removeResource(id);
            return null;
        });
        return Ec2Xml.end(
                Ec2Xml.start("DeleteInternetGateway", call.requestId()).element("return", true),
                "DeleteInternetGateway");
    }

    String describe(ServiceCall call) {
        return listing.describe(call, state);
    }

    private static void write(XmlWriter xml, String element, InternetGateway igw, Map<String, String> tags) {
        xml.open(element).element("internetGatewayId", igw.id()).element("ownerId", igw.ownerId());
        xml.open("attachmentSet");
        if (igw.vpcId() != null) {
            xml.open("item")
                    .element("vpcId", igw.vpcId())
                    .element("state", "available")
                    .close("item");
        }
        xml.close("attachmentSet");
        Ec2Xml.tagSet(xml, tags);
        xml.close(element);
    }

    private static List<String> field(InternetGateway igw, String filter) {
        return switch (filter) {
            case "internet-gateway-id" -> List.of(igw.id());
            case "attachment.vpc-id" -> igw.vpcId() == null ? List.of() : List.of(igw.vpcId());
            case "attachment.state" -> igw.vpcId() == null ? List.of() : List.of("available");
            case "owner-id" -> List.of(igw.ownerId());
            default -> List.of();
        };
    }

    /** The gateway with this id, or AWS's InvalidInternetGatewayID.NotFound. */
    static InternetGateway find(RegionState r, String id) {
        return r.resource(InternetGateway.class, id).orElseThrow(() -> notFound(id));
    }

    static AwsException notFound(String id) {
        return Ec2Errors.notFound(AwsErrorCode.INVALID_INTERNET_GATEWAY_ID_NOT_FOUND, "internetGateway", id);
    }
}
