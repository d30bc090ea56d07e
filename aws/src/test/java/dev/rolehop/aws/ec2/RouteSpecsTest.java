package dev.rolehop.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.module.ModuleFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Route specs as amazon.aws 5.5's create_route_spec builds them. */
class RouteSpecsTest {

    @Test
    void anIpv4DestinationAndTheVpcGatewayBecomeBoto3Members() {
        var specs = RouteSpecs.of(List.of(Map.of("dest", "0.0.0.0/0", "gateway_id", "IGW")), () -> "igw-1");
        assertThat(specs).containsExactly(Map.of("DestinationCidrBlock", "0.0.0.0/0", "GatewayId", "igw-1"));
    }

    @Test
    void anIpv6DestinationAndANatGatewayAreNamedAsBoto3NamesThem() {
        var specs = RouteSpecs.of(List.of(Map.of("dest", "::/0", "gateway_id", "nat-0a1")), () -> "unused");
        assertThat(specs).containsExactly(Map.of("DestinationIpv6CidrBlock", "::/0", "NatGatewayId", "nat-0a1"));
    }

    @Test
    void aDestinationThatIsNoNetworkIsRefusedInPythonsWords() {
        assertThatThrownBy(() -> RouteSpecs.of(List.of(Map.of("dest", "anywhere")), () -> "unused"))
                .isInstanceOf(ModuleFailure.class)
                .hasMessage("'anywhere' does not appear to be an IPv4 or IPv6 network");
    }
}
