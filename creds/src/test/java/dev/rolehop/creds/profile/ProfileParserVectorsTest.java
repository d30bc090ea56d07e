package dev.rolehop.creds.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.creds.CredentialException;
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

/** Every case of the SDKs' shared profile parser vectors (smithy-rs profile-parser-tests.json). */
class ProfileParserVectorsTest {

    static Stream<Arguments> vectors() throws IOException {
        Path file = Path.of(System.getProperty("rolehop.testdata"), "profiles", "profile-parser-tests.json");
        Map<?, ?> root = (Map<?, ?>) Json.loads(Files.readString(file));
        return ((List<?>) root.get("tests"))
                .stream()
                        .map(test -> (Map<?, ?>) test)
                        .map(test -> Arguments.of(test.get("name"), test.get("input"), test.get("output")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void parsesAsTheVectorSays(String name, Map<String, Object> input, Map<String, Object> output) {
        String config = (String) input.getOrDefault("configFile", "");
        String credentials = (String) input.getOrDefault("credentialsFile", "");
        if (output.containsKey("errorContaining")) {
            assertThatThrownBy(() -> ProfileFiles.of(config, credentials, warning -> {}))
                    .isInstanceOf(CredentialException.class)
                    .hasMessageContaining((String) output.get("errorContaining"));
            return;
        }
        ProfileSections sections =
                ProfileFiles.of(config, credentials, warning -> {}).sections();
        Map<?, ?> expected = (Map<?, ?>) output.get("config");
        assertThat(sections.profiles()).isEqualTo(expected.get("profiles"));
        if (expected.containsKey("sso_sessions")) {
            assertThat(sections.ssoSessions()).isEqualTo(expected.get("sso_sessions"));
        }
    }
}
