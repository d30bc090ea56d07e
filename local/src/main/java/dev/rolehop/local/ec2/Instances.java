package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.DefaultVpc;
import dev.rolehop.local.world.Ids;
import dev.rolehop.local.world.SeedInstance;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** EC2 DescribeInstances over the instances the world file seeds (read-only). */
final class Instances {

    private static final Set<String> FILTERS = Set.of(
            "instance-id",
            "instance-state-name",
            "instance-type",
            "vpc-id",
            "subnet-id",
            "image-id",
            "availability-zone",
            "private-ip-address",
            "owner-id",
            "instance.group-id");
    private static final Map<String, Integer> STATE_CODES =
            Map.of("pending", 0, "running", 16, "shutting-down", 32, "terminated", 48, "stopping", 64, "stopped", 80);

    private final WorldState state;

    Instances(WorldState state) {
        this.state = state;
    }

    String describe(ServiceCall call, DefaultVpc vpc, List<SeedInstance> seeded) {
        Filters filters = Filters.parse(call.params(), FILTERS);
        List<String> ids = call.params().values("InstanceId");
        List<SeedInstance> here =
                seeded.stream().filter(i -> i.region().equals(vpc.region())).toList();
        for (String id : ids) {
            if (here.stream().noneMatch(i -> i.id().equals(id))) {
                throw AwsErrorCode.INVALID_INSTANCE_ID_NOT_FOUND.error("The instance ID '" + id + "' does not exist");
            }
        }
        DefaultVpc.Subnet subnet = vpc.subnets().get(0);
        XmlWriter xml = Ec2Xml.start("DescribeInstances", call.requestId()).open("reservationSet");
        for (int n = 0; n < here.size(); n++) {
            SeedInstance i = here.get(n);
            String ip = i.privateIp() != null ? i.privateIp() : "172.31.0." + (10 + n);
            Map<String, String> tags = state.read(vpc.accountId(), vpc.region(), r -> r.tags(i.id()));
            boolean selected = (ids.isEmpty() || ids.contains(i.id()))
                    && filters.matches(
                            f -> switch (f) {
                                case "instance-id" -> List.of(i.id());
                                case "instance-state-name" -> List.of(i.state());
                                case "instance-type" -> List.of(i.instanceType());
                                case "vpc-id" -> List.of(vpc.vpcId());
                                case "subnet-id" -> List.of(subnet.id());
                                case "image-id" -> List.of(i.imageId());
                                case "availability-zone" -> List.of(subnet.availabilityZone());
                                case "private-ip-address" -> List.of(ip);
                                case "owner-id" -> List.of(vpc.accountId());
                                case "instance.group-id" -> List.of(vpc.defaultGroupId());
                                default -> List.of();
                            },
                            tags);
            if (!selected) {
                continue;
            }
            xml.open("item")
                    .element("reservationId", Ids.stableHex("r-", i.id()))
                    .element("ownerId", vpc.accountId())
                    .open("groupSet")
                    .close("groupSet")
                    .open("instancesSet")
                    .open("item")
                    .element("instanceId", i.id())
                    .element("imageId", i.imageId())
                    .open("instanceState")
                    .element("code", STATE_CODES.get(i.state()))
                    .element("name", i.state())
                    .close("instanceState")
                    .element("privateDnsName", "ip-" + ip.replace('.', '-') + ".ec2.internal")
                    .element("instanceType", i.instanceType())
                    .element("launchTime", "2024-01-01T00:00:00.000Z")
                    .open("placement")
                    .element("availabilityZone", subnet.availabilityZone())
                    .element("tenancy", "default")
                    .close("placement")
                    .element("subnetId", subnet.id())
                    .element("vpcId", vpc.vpcId())
                    .element("privateIpAddress", ip)
                    .open("groupSet")
                    .open("item")
                    .element("groupId", vpc.defaultGroupId())
                    .element("groupName", "default")
                    .close("item")
                    .close("groupSet")
                    .element("architecture", "x86_64")
                    .element("rootDeviceType", "ebs")
                    .element("rootDeviceName", "/dev/xvda");
            Ec2Xml.tagSet(xml, tags);
            xml.close("item").close("instancesSet").close("item");
        }
        xml.close("reservationSet");
        return Ec2Xml.end(xml, "DescribeInstances");
    }
}
