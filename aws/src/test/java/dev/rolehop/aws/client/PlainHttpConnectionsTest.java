package dev.rolehop.aws.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plain-HTTP connections take the route the SDK's own client would: set up here through the JVM's
 * proxy properties, which the SDK reads as it reads HTTP_PROXY and NO_PROXY.
 */
class PlainHttpConnectionsTest {

    private static final List<String> PROXY_PROPERTIES =
            List.of("http.proxyHost", "http.proxyPort", "http.nonProxyHosts", "http.proxyUser", "http.proxyPassword");

    /** What each server saw: its name, the request line's target and the proxy credentials header. */
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private HttpServer proxy;
    private HttpServer target;

    @BeforeEach
    void startServers() throws IOException {
        proxy = server("proxy");
        target = server("target");
    }

    @AfterEach
    void stop() {
        proxy.stop(0);
        target.stop(0);
        PROXY_PROPERTIES.forEach(System::clearProperty);
    }

    private HttpServer server(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            seen.add(name + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Proxy-Authorization"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static int get(HttpURLConnection connection) throws IOException {
        try {
            return connection.getResponseCode();
        } finally {
            connection.disconnect();
        }
    }

    private URI targetUri() {
        return URI.create("http://127.0.0.1:" + target.getAddress().getPort() + "/action");
    }

    private void configureProxy(Map<String, String> properties) {
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", String.valueOf(proxy.getAddress().getPort()));
        properties.forEach(System::setProperty);
    }

    @Test
    void withoutAProxyTheEndpointIsCalledDirectlyWithTheGivenTimeouts() throws IOException {
        var connection =
                new PlainHttpConnections(Duration.ofSeconds(2), Duration.ofSeconds(30)).createConnection(targetUri());
        assertThat(connection.getConnectTimeout()).isEqualTo(2000);
        assertThat(connection.getReadTimeout()).isEqualTo(30000);
        assertThat(get(connection)).isEqualTo(204);
        assertThat(seen).containsExactly("target /action null");
    }

    @Test
    void aConfiguredProxyCarriesTheRequestWithItsCredentials() throws IOException {
        configureProxy(Map.of("http.proxyUser", "alice", "http.proxyPassword", "s3cret"));
        var connection = new PlainHttpConnections(Duration.ofSeconds(2), Duration.ofSeconds(30))
                .createConnection(URI.create("http://endpoint.example:4566/action"));
        assertThat(get(connection)).isEqualTo(204);
        String basic = Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        assertThat(seen).containsExactly("proxy http://endpoint.example:4566/action Basic " + basic);
    }

    @Test
    void aNonProxyHostIsCalledDirectly() throws IOException {
        configureProxy(Map.of("http.nonProxyHosts", "localhost|127.*"));
        assertThat(get(new PlainHttpConnections(Duration.ofSeconds(2), Duration.ofSeconds(30))
                        .createConnection(targetUri())))
                .isEqualTo(204);
        assertThat(seen).containsExactly("target /action null");
    }
}
