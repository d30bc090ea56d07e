package dev.rolehop.creds.sso;

import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.cache.FileProblems;
import dev.rolehop.creds.cache.Timestamps;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;

/**
 * Hands out the cached IAM Identity Center access token of a sign-in, renewing it as botocore's
 * {@code SSOTokenProvider} does: an sso-session token with less than {@link #REFRESH_WINDOW} left
 * is renewed with the refresh-token grant (CreateToken) when its client registration is still
 * valid, and the cache is rewritten; when renewal fails, a token still valid is used as it is.
 * A missing or expired token is an error that names the sign-in command.
 */
public final class SsoTokens {

    /** A token with less time left than this is renewed (botocore's window). */
    public static final Duration REFRESH_WINDOW = Duration.ofMinutes(15);

    private final SsoTokenCache cache;
    private final SsoClients clients;
    private final Clock clock;

    public SsoTokens(SsoTokenCache cache, SsoClients clients, Clock clock) {
        this.cache = cache;
        this.clients = clients;
        this.clock = clock;
    }

    /**
     * A valid access token of the sign-in, renewed if need be.
     *
     * @throws CredentialException when there is none, naming the cache file and the login command
     */
    public SsoToken valid(SsoConfig config) {
        Instant now = clock.instant();
        SsoToken token = cached(config)
                .orElseThrow(() -> new CredentialException(config.describe() + ": there is no IAM Identity Center"
                        + " sign-in for " + config.startUrl() + " (no " + cache.file(config) + "); run "
                        + config.loginCommand()));
        if (token.expiresAt().isBefore(now.plus(REFRESH_WINDOW)) && token.refreshable(now)) {
            Optional<SsoToken> renewed = renew(config, token, now);
            if (renewed.isPresent()) {
                return renewed.get();
            }
        }
        if (!token.expiresAt().isAfter(now)) {
            throw new CredentialException(config.describe() + ": the IAM Identity Center sign-in for "
                    + config.startUrl() + " expired at " + Timestamps.utcSeconds(token.expiresAt()) + "; run "
                    + config.loginCommand());
        }
        return token;
    }

    private Optional<SsoToken> cached(SsoConfig config) {
        try {
            return cache.read(config);
        } catch (IOException e) {
            throw new CredentialException(config.describe() + ": cannot read the IAM Identity Center token "
                    + cache.file(config) + " (" + FileProblems.describe(e) + "); fix the file's permissions or run "
                    + config.loginCommand());
        } catch (IllegalArgumentException e) {
            throw new CredentialException(config.describe() + ": " + cache.file(config) + " is not an IAM"
                    + " Identity Center token (" + e.getMessage() + "); run " + config.loginCommand());
        }
    }

    /**
     * The token renewed with its refresh token and written back; empty when renewal fails. Another
     * run may have renewed it first (a refresh token is used once): then the cache holds its result.
     */
    private Optional<SsoToken> renew(SsoConfig config, SsoToken token, Instant now) {
        CreateTokenResponse response;
        try (SsoOidcClient oidc = clients.oidc(config.region())) {
            response = oidc.createToken(r -> r.grantType("refresh_token")
                    .clientId(token.clientId())
                    .clientSecret(token.clientSecret())
                    .refreshToken(token.refreshToken()));
        } catch (SdkException e) {
            return cached(config)
                    .filter(other -> !other.accessToken().equals(token.accessToken())
                            && other.expiresAt().isAfter(now.plus(REFRESH_WINDOW)));
        }
        SsoToken renewed = new SsoToken(
                response.accessToken(),
                now.plusSeconds(response.expiresIn()),
                // As botocore: the refresh token the answer carries (a used one is gone).
                response.refreshToken(),
                token.clientId(),
                token.clientSecret(),
                token.registrationExpiresAt(),
                config.region(),
                config.startUrl());
        try {
            cache.write(config, renewed);
        } catch (IOException e) {
            throw new CredentialException(config.describe() + ": the renewed IAM Identity Center token could not be"
                    + " written to " + cache.file(config) + " (" + FileProblems.describe(e) + ")");
        }
        return Optional.of(renewed);
    }
}
