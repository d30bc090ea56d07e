package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.wire.QueryParams;
import java.util.ArrayList;
import java.util.List;

/**
 * The resource ARNs IAM evaluates for RunInstances: the instance, the image (an image ARN has no
 * account), the subnet, the security groups, the key pair, the network interface and volumes.
 */
final class InstanceArns {

    private InstanceArns() {}

    /** @param prefix {@code arn:aws:ec2:REGION:ACCOUNT:} */
    static List<String> runInstances(ServiceCall call, String prefix) {
        QueryParams p = call.params();
        List<String> out = new ArrayList<>();
        out.add(prefix + "instance/*");
        p.get("ImageId").ifPresent(id -> out.add("arn:aws:ec2:" + call.region() + "::image/" + id));
        out.add(prefix + "subnet/" + p.get("SubnetId").orElse("*"));
        out.add(prefix + "network-interface/*");
        out.add(prefix + "volume/*");
        p.values("SecurityGroupId").forEach(id -> out.add(prefix + "security-group/" + id));
        p.get("KeyName").ifPresent(name -> out.add(prefix + "key-pair/" + name));
        return out;
    }
}
