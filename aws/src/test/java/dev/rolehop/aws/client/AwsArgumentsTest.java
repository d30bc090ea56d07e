package dev.rolehop.aws.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleFailure;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsArgumentsTest {

    private static ConnectionSettings settings(Map<String, ?> args, Map<String, String> env) {
        return AwsArguments.settings(new ModuleArgs(args), env, profile -> Optional.empty());
    }

    @Test
    void explicitKeysBecomeStaticCredentials() {
        var settings =
                settings(Map.of("access_key", "AKIA1", "secret_key", "s3cr3t", "session_token", "tok"), Map.of());
        assertThat(settings.credentials()).isEqualTo(new CredentialSource.StaticKeys("AKIA1", "s3cr3t", "tok"));
    }

    @Test
    void staticCredentialsNeverShowTheirSecrets() {
        assertThat(new CredentialSource.StaticKeys("AKIA1", "s3cr3t", "tok").toString())
                .contains("AKIA1")
                .doesNotContain("s3cr3t")
                .doesNotContain("tok");
    }

    @Test
    void keysFromTheEnvironmentAreUsedWhenNoneAreGiven() {
        var settings = settings(Map.of(), Map.of("AWS_ACCESS_KEY_ID", "AKIA2", "AWS_SECRET_ACCESS_KEY", "x"));
        assertThat(settings.credentials()).isEqualTo(new CredentialSource.StaticKeys("AKIA2", "x", null));
    }

    @Test
    void aProfileWithKeysIsRejectedWithAmazonAwsMessage() {
        assertThatThrownBy(() -> settings(Map.of("profile", "lab", "access_key", "AKIA1"), Map.of()))
                .isInstanceOf(ModuleFailure.class)
                .hasMessage("Passing both a profile and access tokens is not supported.");
    }

    @Test
    void aProfileFromTheEnvironmentWithASessionTokenArgumentIsRejected() {
        assertThatThrownBy(() -> settings(Map.of("session_token", "tok"), Map.of("AWS_PROFILE", "lab")))
                .hasMessage("Passing both a profile and access tokens is not supported.");
    }

    @Test
    void theProfileEnvironmentIsIgnoredWhenKeysAreGiven() {
        var settings = settings(Map.of("access_key", "AKIA1", "secret_key", "x"), Map.of("AWS_PROFILE", "lab"));
        assertThat(settings.credentials()).isInstanceOf(CredentialSource.StaticKeys.class);
    }

    @Test
    void awsDefaultProfileWinsOverAwsProfile() {
        var settings = settings(Map.of(), Map.of("AWS_PROFILE", "a", "AWS_DEFAULT_PROFILE", "b"));
        assertThat(settings.credentials()).isEqualTo(new CredentialSource.NamedProfile("b"));
    }

    @Test
    void anAccessKeyWithoutSecretIsPartialCredentials() {
        assertThatThrownBy(() -> settings(Map.of("access_key", "AKIA1"), Map.of()))
                .hasMessage("Partial credentials found in explicit, missing: aws_secret_access_key");
    }

    @Test
    void noCredentialsAtAllMeansTheDefaultChain() {
        assertThat(settings(Map.of(), Map.of()).credentials()).isEqualTo(new CredentialSource.NamedProfile(null));
    }

    @Test
    void regionComesFromArgumentThenEnvironmentThenProfile() {
        assertThat(settings(Map.of("region", "eu-west-1"), Map.of("AWS_REGION", "us-west-2"))
                        .region())
                .isEqualTo("eu-west-1");
        assertThat(settings(Map.of(), Map.of("AWS_DEFAULT_REGION", "us-west-2", "EC2_REGION", "x"))
                        .region())
                .isEqualTo("us-west-2");
        assertThat(AwsArguments.settings(
                                new ModuleArgs(Map.of("profile", "lab")),
                                Map.of(),
                                profile -> "lab".equals(profile) ? Optional.of("ap-south-1") : Optional.empty())
                        .region())
                .isEqualTo("ap-south-1");
    }

    @Test
    void endpointComesFromArgumentOrAwsUrl() {
        assertThat(settings(Map.of(), Map.of("AWS_URL", "http://127.0.0.1:4566"))
                        .endpoint())
                .isEqualTo(URI.create("http://127.0.0.1:4566"));
        assertThat(settings(Map.of("endpoint_url", "http://localhost:1"), Map.of("EC2_URL", "http://x:2"))
                        .endpoint())
                .isEqualTo(URI.create("http://localhost:1"));
    }

    @Test
    void aMalformedEndpointIsNamed() {
        assertThatThrownBy(() -> settings(Map.of("endpoint_url", "not a url"), Map.of()))
                .hasMessage("Couldn't connect to AWS: Invalid endpoint: not a url");
    }
}
