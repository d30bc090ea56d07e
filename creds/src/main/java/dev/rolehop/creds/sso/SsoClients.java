package dev.rolehop.creds.sso;

import dev.rolehop.creds.http.SdkEndpoints;
import dev.rolehop.creds.http.SdkHttpClients;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.SsoClientBuilder;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.SsoOidcClientBuilder;

/**
 * Builds the SDK's unsigned Identity Center clients — the portal ({@code sso}) and OIDC
 * ({@code sso-oidc}) — in the sign-in's region, at the configured endpoints (for rolehop local:
 * {@code AWS_ENDPOINT_URL}, or {@code AWS_ENDPOINT_URL_SSO} and {@code AWS_ENDPOINT_URL_SSO_OIDC}).
 *
 * @param portalEndpoint the portal's endpoint, or empty for AWS's
 * @param oidcEndpoint the OIDC endpoint, or empty for AWS's
 */
public record SsoClients(Optional<URI> portalEndpoint, Optional<URI> oidcEndpoint) {

    /** A portal client for {@code region}. */
    public SsoClient portal(String region) {
        SsoClientBuilder builder = SsoClient.builder()
                .region(Region.of(region))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(SdkHttpClients.forEndpoint(portalEndpoint));
        SdkEndpoints.resolvedByRolehop();
        portalEndpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** An OIDC client for {@code region}. */
    public SsoOidcClient oidc(String region) {
        SsoOidcClientBuilder builder = SsoOidcClient.builder()
                .region(Region.of(region))
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClient(SdkHttpClients.forEndpoint(oidcEndpoint));
        SdkEndpoints.resolvedByRolehop();
        oidcEndpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
