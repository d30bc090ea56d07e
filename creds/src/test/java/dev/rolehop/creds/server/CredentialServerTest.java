package dev.rolehop.creds.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rolehop.python.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;

class CredentialServerTest {

    private static final Instant EXPIRES = Instant.parse("2030-01-01T00:00:00Z");

    private final AtomicInteger resolved = new AtomicInteger();
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final CredentialServer server = CredentialServer.start(
            () -> AwsSessionCredentials.builder()
                    .accessKeyId("ASIASERVED" + resolved.incrementAndGet())
                    .secretAccessKey("secret-of-the-session")
                    .sessionToken("token-of-the-session")
                    .expirationTime(EXPIRES)
                    .build(),
            0,
            log::add);

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theTokenGetsTheCredentialsInTheEcsLayout() throws Exception {
        HttpResponse<String> response = get(server.uri(), server.authorizationToken());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(Json.loads(response.body()))
                .isEqualTo(Map.ofEntries(
                        Map.entry("AccessKeyId", "ASIASERVED1"),
                        Map.entry("SecretAccessKey", "secret-of-the-session"),
                        Map.entry("Token", "token-of-the-session"),
                        Map.entry("Expiration", "2030-01-01T00:00:00Z")));
    }

    @Test
    void aRequestWithoutTheTokenIsRefusedWithoutResolving() throws Exception {
        assertThat(get(server.uri(), null).statusCode()).isEqualTo(401);
        assertThat(get(server.uri(), "not-the-token").statusCode()).isEqualTo(403);
        assertThat(resolved).hasValue(0);
        assertThat(String.join("\n", log)).doesNotContain(server.authorizationToken());
    }

    @Test
    void itListensOnLoopbackOnlyAtItsPath() throws Exception {
        assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
        assertThat(get(server.uri().resolve("/other"), server.authorizationToken())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void theSdksContainerProviderReadsIt() {
        // The SDK reads AWS_CONTAINER_* from these system properties before the environment.
        System.setProperty("aws.containerCredentialsFullUri", server.uri().toString());
        System.setProperty("aws.containerAuthorizationToken", server.authorizationToken());
        ContainerCredentialsProvider provider =
                ContainerCredentialsProvider.builder().build();
        try {
            AwsSessionCredentials c = (AwsSessionCredentials) provider.resolveCredentials();
            // The SDK may ask more than once (a retry on a slow machine): any answer of the server will do.
            assertThat(c.accessKeyId()).startsWith("ASIASERVED");
            assertThat(c.sessionToken()).isEqualTo("token-of-the-session");
        } finally {
            System.clearProperty("aws.containerCredentialsFullUri");
            System.clearProperty("aws.containerAuthorizationToken");
            provider.close();
        }
    }

    @Test
    void aStoppedServerAnswersNoMore() {
        URI uri = server.uri();
        server.close();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(uri, server.authorizationToken()))
                .isInstanceOf(java.io.IOException.class);
    }
}
