package dev.rolehop.creds.http;

import java.net.URI;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The HTTP clients every SDK client of a run shares, built on first use: TLS set-up (loading the
 * JDK's trusted certificates) is paid once per run, and never for an {@code http://} endpoint
 * (rolehop local), which does not shake hands and so trusts no certificate.
 */
public final class SdkHttpClients {

    private static final class TlsHttp {
        static final SdkHttpClient CLIENT = UrlConnectionHttpClient.create();
    }

    private static final class PlainHttp {
        static final SdkHttpClient CLIENT = UrlConnectionHttpClient.builder()
                .tlsTrustManagersProvider(() -> new TrustManager[0])
                .build();
    }

    private SdkHttpClients() {}

    /** The shared client for an endpoint: without TLS set-up for {@code http://}, else trusting the JDK's certificates. */
    public static SdkHttpClient forEndpoint(Optional<URI> endpoint) {
        return endpoint.filter(uri -> "http".equalsIgnoreCase(uri.getScheme())).isPresent()
                ? PlainHttp.CLIENT
                : TlsHttp.CLIENT;
    }
}
