package dev.rolehop.aws.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.aws.TestModuleContext;
import dev.rolehop.engine.module.ModuleContext;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

class AwsClientsTest {

    /** Profiles that know nothing: these tests only build clients, they never call AWS. */
    private static final ProfileSource NO_PROFILES = new ProfileSource() {
        @Override
        public AwsCredentialsProvider provider(String profile, ModuleContext context) {
            return AnonymousCredentialsProvider.create();
        }

        @Override
        public Optional<String> region(String profile, ModuleContext context) {
            return Optional.empty();
        }

        @Override
        public Optional<URI> endpointUrl(String profile, String service, ModuleContext context) {
            return Optional.empty();
        }
    };

    private final AwsClients clients = new AwsClients(NO_PROFILES);
    private final TestModuleContext context = new TestModuleContext(Map.of());

    private static ConnectionSettings keys(String accessKey, String region) {
        return new ConnectionSettings(
                region,
                URI.create("http://127.0.0.1:1"),
                new CredentialSource.StaticKeys(accessKey, "secret", null),
                null,
                true,
                null,
                Map.of());
    }

    @Test
    void tasksWithTheSameSettingsShareOneClient() {
        assertThat(clients.ec2(keys("AKIA1", "us-east-1"), "m", context))
                .isSameAs(clients.ec2(keys("AKIA1", "us-east-1"), "m", context));
    }

    @Test
    void otherKeysOrRegionsGetTheirOwnClient() {
        var first = clients.ec2(keys("AKIA1", "us-east-1"), "m", context);
        assertThat(clients.ec2(keys("AKIA2", "us-east-1"), "m", context)).isNotSameAs(first);
        assertThat(clients.ec2(keys("AKIA1", "eu-west-1"), "m", context)).isNotSameAs(first);
        var credentials = new CredentialSource.StaticKeys("AKIA1", "secret", null);
        URI endpoint = URI.create("http://127.0.0.1:1");
        var otherSecret = new CredentialSource.StaticKeys("AKIA1", "other secret", null);
        assertThat(clients.ec2(
                        new ConnectionSettings("us-east-1", endpoint, otherSecret, null, true, null, Map.of()),
                        "m",
                        context))
                .isNotSameAs(first);
        assertThat(clients.ec2(
                        new ConnectionSettings(
                                "us-east-1", URI.create("http://127.0.0.1:2"), credentials, null, true, null, Map.of()),
                        "m",
                        context))
                .isNotSameAs(first);
        assertThat(clients.ec2(
                        new ConnectionSettings("us-east-1", endpoint, credentials, null, false, null, Map.of()),
                        "m",
                        context))
                .isNotSameAs(first);
        assertThat(clients.ec2(
                        new ConnectionSettings(
                                "us-east-1", endpoint, credentials, null, true, null, Map.of("read_timeout", 5)),
                        "m",
                        context))
                .isNotSameAs(first);
    }

    @Test
    void ec2WithoutARegionFailsAsAmazonAwsDoes() {
        assertThatThrownBy(() -> clients.ec2(keys("AKIA1", null), "ec2_security_group", context))
                .hasMessage("The ec2_security_group module requires a region and none was found in configuration, "
                        + "environment variables or module parameters");
    }

    @Test
    void stsWithoutARegionUsesTheGlobalEndpointRegion() {
        assertThat(clients.sts(keys("AKIA1", null), context)
                        .serviceClientConfiguration()
                        .region()
                        .id())
                .isEqualTo("us-east-1");
    }
}
