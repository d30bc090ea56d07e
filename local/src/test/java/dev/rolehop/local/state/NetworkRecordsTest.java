package dev.rolehop.local.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Elastic IPs, network interfaces and NAT gateways as stored kinds of the generic resources. */
class NetworkRecordsTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    private static Ec2Resource roundTrip(Ec2Resource resource) {
        return RecordCodec.read(RecordCodec.write(resource), Ec2Resource.class);
    }

    @Test
    void anAssociatedElasticIpIsWrittenWithItsKindAndReadBack() {
        ElasticIp eip =
                new ElasticIp("eipalloc-1", "198.18.0.7", "111111111111", "eipassoc-1", "eni-1", "10.0.0.5", "i-1");
        Map<String, Object> written = RecordCodec.write(eip);
        assertThat(written).containsEntry("kind", "elastic_ip").containsEntry("publicIp", "198.18.0.7");
        assertThat(roundTrip(eip)).isEqualTo(eip);
        assertThat(roundTrip(eip.withAssociation(null, null, null, null)))
                .isEqualTo(new ElasticIp("eipalloc-1", "198.18.0.7", "111111111111", null, null, null, null));
    }

    @Test
    void anInterfaceKeepsItsAttachmentAndAddressesInOrder() {
        NetworkInterface eni = new NetworkInterface(
                "eni-1",
                "111111111111",
                "subnet-1",
                "vpc-1",
                "us-east-1a",
                "data",
                "0e:00:00:00:00:01",
                List.of("10.0.0.9", "10.0.0.4"),
                List.of("sg-1"),
                true,
                "interface",
                new NetworkInterface.Attachment("eni-attach-1", "i-1", 1, T, false));
        assertThat(roundTrip(eni)).isEqualTo(eni);
        NetworkInterface detached = eni.withAttachment(null);
        assertThat(roundTrip(detached)).isEqualTo(detached);
        assertThat(detached.privateIp()).isEqualTo("10.0.0.9");
    }

    @Test
    void anInterfaceWithoutAddressIsRefused() {
        assertThatThrownBy(() -> new NetworkInterface(
                        "eni-1",
                        "1",
                        "subnet-1",
                        "vpc-1",
                        "az",
                        "",
                        "mac",
                        List.of(),
                        List.of(),
                        true,
                        "interface",
                        null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeletingNatGatewayIsReadBackWithItsTimes() {
        NatGateway nat = new NatGateway(
                "nat-1",
                "111111111111",
                "subnet-1",
                "vpc-1",
                "public",
                "eipalloc-1",
                "198.18.0.7",
                "eni-2",
                "10.0.0.6",
                "token",
                T,
                null,
                "pending",
                T,
                null,
                null);
        NatGateway deleting = nat.deleting(T.plusSeconds(60));
        assertThat(deleting.state()).isEqualTo("deleting");
        assertThat(deleting.deleteTime()).isEqualTo(T.plusSeconds(60));
        assertThat(roundTrip(deleting)).isEqualTo(deleting);
        assertThat(RecordCodec.write(nat)).containsEntry("kind", "nat_gateway");
    }
}
