package dev.rolehop.aws.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnakeCaseTest {

    @Test
    void camelCaseKeysBecomeSnakeCase() {
        assertThat(SnakeCase.of("IpPermissionsEgress")).isEqualTo("ip_permissions_egress");
        assertThat(SnakeCase.of("GroupId")).isEqualTo("group_id");
    }

    @Test
    void abbreviationsStayInOnePiece() {
        assertThat(SnakeCase.of("HTTPStatusCode")).isEqualTo("http_status_code");
        assertThat(SnakeCase.of("HTTPHeaders")).isEqualTo("http_headers");
        assertThat(SnakeCase.of("CidrIpv6")).isEqualTo("cidr_ipv6");
    }

    @Test
    void pluralAbbreviationsAtTheEndStayInOnePiece() {
        assertThat(SnakeCase.of("TargetGroupARNs")).isEqualTo("target_group_arns");
    }

    @Test
    void ignoredKeysKeepTheirSubtree() {
        Map<String, Object> snake =
                SnakeCase.dict(Map.of("Tags", List.of(Map.of("Key", "Name", "Value", "x"))), List.of("Tags"));
        assertThat(snake).isEqualTo(Map.of("tags", List.of(Map.of("Key", "Name", "Value", "x"))));
    }

    @Test
    void nestedMapsInListsAreConverted() {
        Map<String, Object> snake = SnakeCase.dict(Map.of("IpRanges", List.of(Map.of("CidrIp", "10.0.0.0/8"))));
        assertThat(snake).isEqualTo(Map.of("ip_ranges", List.of(Map.of("cidr_ip", "10.0.0.0/8"))));
    }
}
