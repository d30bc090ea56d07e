package dev.rolehop.creds.sso;

import java.time.Instant;
import java.util.Objects;

/**
 * An IAM Identity Center access token as the AWS CLI caches it in {@code ~/.aws/sso/cache}: the
 * token, its expiry, and (for {@code sso-session} sign-ins) the refresh token and the OIDC client
 * registration that can renew it.
 *
 * @param refreshToken the refresh token, or null (legacy sign-ins get none)
 * @param clientId the registered client, or null
 * @param clientSecret the client's secret, or null
 * @param registrationExpiresAt when the client registration ends, or null
 * @param region the Identity Center region, or null
 * @param startUrl the start URL, or null
 */
public record SsoToken(
        String accessToken,
        Instant expiresAt,
        String refreshToken,
        String clientId,
        String clientSecret,
        Instant registrationExpiresAt,
        String region,
        String startUrl) {

    public SsoToken {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the token can be renewed with the refresh-token grant at {@code now}. */
    public boolean refreshable(Instant now) {
        return refreshToken != null
                && clientId != null
                && clientSecret != null
                && registrationExpiresAt != null
                && registrationExpiresAt.isAfter(now);
    }

    /** Never prints a token or the client secret. */
    @Override
    public String toString() {
        return "SsoToken[startUrl=" + startUrl + ", region=" + region + ", expiresAt=" + expiresAt
                + (refreshToken == null ? "" : ", refreshable") + "]";
    }
}
