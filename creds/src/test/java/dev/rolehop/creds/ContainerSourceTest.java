package dev.rolehop.creds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rolehop.creds.server.CredentialServer;
import dev.rolehop.creds.support.TestWorld;
import dev.rolehop.local.LocalAws;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * {@code credential_source = EcsContainer}: the role's source credentials come from a container
 * credential endpoint (rolehop's own server, over real HTTP), then AssumeRole at rolehop local.
 */
class ContainerSourceTest {

    private static final String CONFIG =
            "[profile box]\nrole_arn = arn:aws:iam::222222222222:role/ci\n" + "credential_source = EcsContainer\n";

    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private LocalAws local;
    private CredentialServer server;
    private Path home;

    @BeforeEach
    void start() throws IOException {
        Path world = TestWorld.write(dir.resolve("world"));
        local = LocalAws.start(new LocalAws.Options(world, null, "127.0.0.1", 0));
        server = CredentialServer.start(
                StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(TestWorld.ALICE_KEY, TestWorld.ALICE_SECRET)),
                0,
                line -> {});
        home = dir.resolve("home");
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), CONFIG);
        env.put("AWS_ENDPOINT_URL", local.endpoint().toString());
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.uri().toString());
    }

    @AfterEach
    void stop() {
        server.close();
        local.close();
    }

    private AwsCredentials resolve() {
        return CredentialResolver.create(new ResolverOptions(
                        env, home, Optional.empty(), MfaPrompt.none(), false, Clock.systemUTC(), w -> {}))
                .resolve("box");
    }

    @Test
    void theEndpointsCredentialsAssumeTheRole() {
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", server.authorizationToken());

        AwsCredentials credentials = resolve();

        assertThat(credentials.source()).contains("arn:aws:iam::222222222222:role/ci");
        assertThat(credentials.accessKeyId()).startsWith("ASIA");
    }

    @Test
    void theTokenFileWinsOverTheTokenVariable() throws IOException {
        Path tokenFile = Files.writeString(dir.resolve("token"), server.authorizationToken() + "\n");
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tokenFile.toString());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "stale");

        assertThat(resolve().accessKeyId()).startsWith("ASIA");
    }

    @Test
    void aWrongTokenFailsNamingTheEndpointNotTheToken() {
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "wrong-token-value");

        assertThatThrownBy(this::resolve)
                .hasMessage("profile 'box': credential_source = EcsContainer: the container credential endpoint "
                        + server.uri() + " answered HTTP 403 (3 attempts); check that it runs and that the"
                        + " authorization token is its own");
    }

    @Test
    void plainHttpToAnotherHostIsRefused() {
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://example.com/creds");

        assertThatThrownBy(this::resolve)
                .hasMessageStartingWith("profile 'box': credential_source = EcsContainer:"
                        + " AWS_CONTAINER_CREDENTIALS_FULL_URI http://example.com is not allowed");
    }

    @Test
    void withoutTheVariablesTheErrorSaysWhatIsMissing() {
        env.remove("AWS_CONTAINER_CREDENTIALS_FULL_URI");

        assertThatThrownBy(this::resolve)
                .hasMessageStartingWith("profile 'box': credential_source = EcsContainer, but neither"
                        + " AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI is set");
    }
}
