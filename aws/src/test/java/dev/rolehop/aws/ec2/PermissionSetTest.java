package dev.rolehop.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;

class PermissionSetTest {

    private static final Rule SSH_A = new Rule(22, 22, "tcp", Rule.IPV4, "10.0.0.0/8", null, null);
    private static final Rule SSH_B = new Rule(22, 22, "tcp", Rule.IPV4, "192.168.0.0/16", null, "b");

    @Test
    void rulesOfOneProtocolAndPortRangeShareAPermission() {
        var set = new PermissionSet(List.of(), "111111111111");
        set.authorize(List.of(SSH_A, SSH_B));
        assertThat(set.permissions())
                .containsExactly(IpPermission.builder()
                        .ipProtocol("tcp")
                        .fromPort(22)
                        .toPort(22)
                        .ipRanges(
                                IpRange.builder().cidrIp("10.0.0.0/8").build(),
                                IpRange.builder()
                                        .cidrIp("192.168.0.0/16")
                                        .description("b")
                                        .build())
                        .ipv6Ranges(List.of())
                        .prefixListIds(List.of())
                        .userIdGroupPairs(List.of())
                        .build());
    }

    @Test
    void revokingTheLastTargetRemovesThePermission() {
        var set = new PermissionSet(Permissions.of(List.of(SSH_A)), "111111111111");
        set.revoke(List.of(SSH_A));
        assertThat(set.permissions()).isEmpty();
    }

    @Test
    void redescribingReplacesTheDescription() {
        var set = new PermissionSet(Permissions.of(List.of(SSH_A)), "111111111111");
        set.describe(List.of(SSH_A.withDescription("new")));
        assertThat(set.permissions().get(0).ipRanges().get(0).description()).isEqualTo("new");
    }
}
