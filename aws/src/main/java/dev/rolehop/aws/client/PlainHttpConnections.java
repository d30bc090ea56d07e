package dev.rolehop.aws.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import software.amazon.awssdk.http.urlconnection.ProxyConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;

/**
 * Opens the connections of an {@code http://} endpoint (rolehop local, a test double) as the SDK's
 * URL-connection client opens them — through the proxy it would pick (HTTP_PROXY or
 * http.proxyHost, unless NO_PROXY or http.nonProxyHosts name the host), with Basic proxy
 * credentials when the proxy has a user and password, and the same timeouts — but without the TLS
 * context that client builds up front whatever the endpoint: loading the JDK's security providers
 * and TLS engine costs a short run about a tenth of its wall time, for a handshake that never
 * happens.
 */
final class PlainHttpConnections implements UrlConnectionFactory {

    private final ProxyConfiguration proxy = ProxyConfiguration.builder().build();
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;

    PlainHttpConnections(Duration connectTimeout, Duration readTimeout) {
        this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
        this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
    }

    @Override
    public HttpURLConnection createConnection(URI uri) {
        try {
            HttpURLConnection connection;
            if (proxied(uri)) {
                connection = (HttpURLConnection) uri.toURL()
                        .openConnection(new Proxy(
                                Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
                if (!isEmpty(proxy.username()) && !isEmpty(proxy.password())) {
                    String credentials = proxy.username() + ":" + proxy.password();
                    connection.addRequestProperty(
                            "proxy-authorization",
                            "Basic "
                                    + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
                }
            } else {
                connection = (HttpURLConnection) uri.toURL().openConnection();
            }
            connection.setConnectTimeout(connectTimeoutMillis);
            connection.setReadTimeout(readTimeoutMillis);
            return connection;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The SDK's rule: a proxy host is configured and no non-proxy pattern matches the endpoint's host. */
    private boolean proxied(URI uri) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return proxy.host() != null && proxy.nonProxyHosts().stream().noneMatch(host::matches);
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}
