package dev.rolehop.aws.client;

import dev.rolehop.engine.module.ModuleFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.utils.AttributeMap;

/**
 * The HTTP clients of one run, one per set of HTTP settings, shared by every SDK client that has
 * them: TLS set-up (the JDK's trusted certificates, or an {@code aws_ca_bundle} parsed once) is
 * paid once per run rather than once per service, region and account, and not at all for an
 * {@code http://} endpoint ({@link PlainHttpConnections}).
 */
final class HttpClients {

    /**
     * What an HTTP client depends on. An {@code http://} endpoint never shakes hands, so its
     * certificate settings do not matter and are left out. (equals and hashCode are spelled out
     * for start-up's sake, see AwsClients.)
     */
    record Settings(
            boolean tls,
            boolean validateCerts,
            Path caBundle,
            Optional<Duration> connectTimeout,
            Optional<Duration> readTimeout) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Settings settings && Arrays.equals(components(), settings.components());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(components());
        }

        private Object[] components() {
            return new Object[] {tls, validateCerts, caBundle, connectTimeout, readTimeout};
        }

        static Settings of(URI endpoint, ConnectionSettings settings) {
            boolean tls = endpoint == null || !"http".equalsIgnoreCase(endpoint.getScheme());
            return new Settings(
                    tls,
                    !tls || settings.validateCerts(),
                    tls ? settings.caBundle() : null,
                    seconds(settings.awsConfig().get("connect_timeout")),
                    seconds(settings.awsConfig().get("read_timeout")));
        }

        private static Optional<Duration> seconds(Object value) {
            return value instanceof Number n
                    ? Optional.of(Duration.ofMillis((long) (n.doubleValue() * 1000)))
                    : Optional.empty();
        }
    }

    private final Map<Settings, SdkHttpClient> clients = new ConcurrentHashMap<>();
    private final Map<Path, TrustManager[]> bundles = new ConcurrentHashMap<>();

    SdkHttpClient client(Settings settings) {
        return clients.computeIfAbsent(settings, this::build);
    }

    private SdkHttpClient build(Settings settings) {
        if (!settings.tls()) {
            return UrlConnectionHttpClient.create(new PlainHttpConnections(
                    settings.connectTimeout()
                            .orElse(SdkHttpConfigurationOption.GLOBAL_HTTP_DEFAULTS.get(
                                    SdkHttpConfigurationOption.CONNECTION_TIMEOUT)),
                    settings.readTimeout()
                            .orElse(SdkHttpConfigurationOption.GLOBAL_HTTP_DEFAULTS.get(
                                    SdkHttpConfigurationOption.READ_TIMEOUT))));
        }
        var builder = UrlConnectionHttpClient.builder();
        settings.connectTimeout().ifPresent(builder::connectionTimeout);
        settings.readTimeout().ifPresent(builder::socketTimeout);
        if (settings.validateCerts() && settings.caBundle() != null) {
            TrustManager[] trust = bundles.computeIfAbsent(settings.caBundle(), HttpClients::trustManagers);
            builder.tlsTrustManagersProvider(() -> trust);
        }
        return builder.buildWithDefaults(AttributeMap.builder()
                .put(SdkHttpConfigurationOption.TRUST_ALL_CERTIFICATES, !settings.validateCerts())
                .build());
    }

    private static TrustManager[] trustManagers(Path bundle) {
        try (InputStream in = Files.newInputStream(bundle)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new ModuleFailure("aws_ca_bundle " + bundle + ": cannot read the certificates (" + e.getMessage()
                    + "); give a PEM file of CA certificates");
        }
    }
}
