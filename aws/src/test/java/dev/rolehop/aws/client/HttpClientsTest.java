package dev.rolehop.aws.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.module.ModuleFailure;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpClientsTest {

    private static final URI LOCAL = URI.create("http://127.0.0.1:1");
    private static final URI AWS = URI.create("https://ec2.eu-west-1.amazonaws.com");

    private final HttpClients clients = new HttpClients();

    private static ConnectionSettings settings(Path caBundle, Map<String, Object> awsConfig) {
        return new ConnectionSettings(
                "eu-west-1",
                null,
                new CredentialSource.StaticKeys("AKIA1", "secret", null),
                null,
                true,
                caBundle,
                awsConfig);
    }

    @Test
    void clientsWithTheSameHttpSettingsShareOneHttpClient() {
        var first = clients.client(HttpClients.Settings.of(AWS, settings(null, Map.of())));
        assertThat(clients.client(HttpClients.Settings.of(null, settings(null, Map.of()))))
                .isSameAs(first);
        assertThat(clients.client(HttpClients.Settings.of(AWS, settings(null, Map.of("read_timeout", 5)))))
                .isNotSameAs(first);
    }

    @Test
    void settingsAreEqualOnlyWhenEveryPartIs(@TempDir Path dir) {
        var settings = new HttpClients.Settings(true, true, dir, Optional.of(Duration.ofSeconds(1)), Optional.empty());
        assertThat(settings)
                .isEqualTo(
                        new HttpClients.Settings(true, true, dir, Optional.of(Duration.ofSeconds(1)), Optional.empty()))
                .hasSameHashCodeAs(
                        new HttpClients.Settings(true, true, dir, Optional.of(Duration.ofSeconds(1)), Optional.empty()))
                .isNotEqualTo(new HttpClients.Settings(
                        false, true, dir, Optional.of(Duration.ofSeconds(1)), Optional.empty()))
                .isNotEqualTo(new HttpClients.Settings(
                        true, false, dir, Optional.of(Duration.ofSeconds(1)), Optional.empty()))
                .isNotEqualTo(new HttpClients.Settings(
                        true, true, null, Optional.of(Duration.ofSeconds(1)), Optional.empty()))
                .isNotEqualTo(new HttpClients.Settings(true, true, dir, Optional.empty(), Optional.empty()))
                .isNotEqualTo(new HttpClients.Settings(
                        true, true, dir, Optional.of(Duration.ofSeconds(1)), Optional.of(Duration.ofSeconds(1))));
    }

    @Test
    void aPlainHttpEndpointIgnoresTheCaBundleItNeverUses(@TempDir Path dir) {
        var plain = HttpClients.Settings.of(LOCAL, settings(dir.resolve("missing.pem"), Map.of()));
        assertThat(plain).isEqualTo(HttpClients.Settings.of(LOCAL, settings(null, Map.of())));
        assertThat(clients.client(plain)).isNotNull();
    }

    @Test
    void anUnreadableCaBundleFailsWithAClearMessage(@TempDir Path dir) {
        Path missing = dir.resolve("missing.pem");
        assertThatThrownBy(() -> clients.client(HttpClients.Settings.of(AWS, settings(missing, Map.of()))))
                .isInstanceOf(ModuleFailure.class)
                .hasMessageStartingWith("aws_ca_bundle " + missing + ": cannot read the certificates (")
                .hasMessageEndingWith("); give a PEM file of CA certificates");
    }

    @Test
    void aCaBundleIsReadOncePerRun(@TempDir Path dir) throws IOException {
        Path bundle = dir.resolve("ca.pem");
        try (var pem = HttpClientsTest.class.getResourceAsStream("/test-ca.pem")) {
            Files.copy(pem, bundle);
        }
        clients.client(HttpClients.Settings.of(AWS, settings(bundle, Map.of())));
        Files.delete(bundle);
        assertThat(clients.client(HttpClients.Settings.of(AWS, settings(bundle, Map.of("connect_timeout", 3)))))
                .isNotNull();
    }
}
