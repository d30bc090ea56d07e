package dev.rolehop.creds.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.creds.CredentialResolver;
import dev.rolehop.creds.ResolverOptions;
import dev.rolehop.python.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Linux cases of the shared file-location vectors (rolehop runs on Linux; the Windows cases
 * test USERPROFILE/HOMEDRIVE rules that do not apply there). HOME is the vector's HOME, as
 * {@link ResolverOptions#defaults()} takes it from the environment.
 */
class FileLocationVectorsTest {

    static Stream<Arguments> linuxVectors() throws IOException {
        Path file = Path.of(System.getProperty("rolehop.testdata"), "profiles", "file-location-tests.json");
        Map<?, ?> root = (Map<?, ?>) Json.loads(Files.readString(file));
        return ((List<?>) root.get("tests"))
                .stream()
                        .map(test -> (Map<?, ?>) test)
                        .filter(test -> "linux".equals(test.get("platform")))
                        .map(test -> Arguments.of(
                                test.get("name"),
                                test.get("environment"),
                                test.get("profile"),
                                test.get("configLocation"),
                                test.get("credentialsLocation")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("linuxVectors")
    void findsTheFilesAndProfileAsTheVectorSays(
            String name,
            Map<String, String> environment,
            String profile,
            String configLocation,
            String credentialsLocation) {
        ConfigLocations locations = ConfigLocations.resolve(environment, Path.of(environment.get("HOME")));

        assertThat(locations.config()).isEqualTo(Path.of(configLocation));
        assertThat(locations.credentials()).isEqualTo(Path.of(credentialsLocation));
        if (profile != null) {
            CredentialResolver resolver = CredentialResolver.create(ResolverOptions.defaults()
                    .withEnvironment(environment)
                    .withUserHome(Path.of(environment.get("HOME"))));
            assertThat(resolver.profileName(null)).isEqualTo(profile);
        }
    }
}
