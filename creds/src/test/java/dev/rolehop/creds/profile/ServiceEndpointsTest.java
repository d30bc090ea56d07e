package dev.rolehop.creds.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceEndpointsTest {

    private static final String CONFIG = "[profile lab]\nservices = local\nendpoint_url = http://127.0.0.1:1000\n"
            + "[services local]\nsts =\n  endpoint_url = http://127.0.0.1:2000\n"
            + "[profile plain]\nendpoint_url = http://127.0.0.1:3000\n";
    private static final ProfileFiles FILES = ProfileFiles.of(CONFIG, "", warning -> {});

    private static Optional<URI> resolve(Map<String, String> env, String profile, String service) {
        return ServiceEndpoints.resolve(env, FILES.profile(profile), FILES, service);
    }

    @Test
    void theServiceVariableWinsOverEverything() {
        assertThat(resolve(
                        Map.of("AWS_ENDPOINT_URL_STS", "http://127.0.0.1:9", "AWS_ENDPOINT_URL", "http://127.0.0.1:8"),
                        "lab",
                        "sts"))
                .contains(URI.create("http://127.0.0.1:9"));
    }

    @Test
    void theGlobalVariableWinsOverTheFiles() {
        assertThat(resolve(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:8"), "lab", "sts"))
                .contains(URI.create("http://127.0.0.1:8"));
    }

    @Test
    void theServicesSectionWinsOverTheProfilesEndpointUrl() {
        assertThat(resolve(Map.of(), "lab", "sts")).contains(URI.create("http://127.0.0.1:2000"));
    }

    @Test
    void aServiceMissingFromTheSectionFallsBackToTheProfilesEndpointUrl() {
        assertThat(resolve(Map.of(), "lab", "ec2")).contains(URI.create("http://127.0.0.1:1000"));
    }

    @Test
    void ignoreConfiguredEndpointUrlsTurnsThemAllOff() {
        assertThat(resolve(
                        Map.of("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true", "AWS_ENDPOINT_URL", "http://127.0.0.1:8"),
                        "lab",
                        "sts"))
                .isEmpty();
    }

    @Test
    void nothingConfiguredMeansAwsItself() {
        assertThat(ServiceEndpoints.resolve(Map.of(), Optional.empty(), FILES, "sts"))
                .isEmpty();
    }

    @Test
    void aValueThatIsNotAUrlIsNamed() {
        assertThatThrownBy(() -> resolve(Map.of("AWS_ENDPOINT_URL_STS", "localhost"), "plain", "sts"))
                .hasMessage("environment variable AWS_ENDPOINT_URL_STS: 'localhost' is not a URL; write it like"
                        + " http://127.0.0.1:4566");
    }
}
