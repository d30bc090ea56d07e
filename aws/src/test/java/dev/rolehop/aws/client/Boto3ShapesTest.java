package dev.rolehop.aws.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;

class Boto3ShapesTest {

    @Test
    void timestampsReadAsPythonIsoformat() {
        assertThat(Boto3Shapes.isoformat(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05+00:00");
        assertThat(Boto3Shapes.isoformat(Instant.parse("2026-01-02T03:04:05.120Z")))
                .isEqualTo("2026-01-02T03:04:05.120000+00:00");
    }

    @Test
    void membersTheResponseLackedAreLeftOutAndEmptyListsKept() {
        var permission = IpPermission.builder()
                .ipProtocol("-1")
                .ipRanges(IpRange.builder().cidrIp("0.0.0.0/0").build())
                .ipv6Ranges(List.of())
                .build();
        assertThat(Boto3Shapes.snake(permission))
                .isEqualTo(Map.of(
                        "ip_protocol",
                        "-1",
                        "ip_ranges",
                        List.of(Map.of("cidr_ip", "0.0.0.0/0")),
                        "ipv6_ranges",
                        List.of()));
    }
}
