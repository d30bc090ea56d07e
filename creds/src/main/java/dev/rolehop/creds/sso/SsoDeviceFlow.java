package dev.rolehop.creds.sso;

import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.cache.FileProblems;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssooidc.SsoOidcClient;
import software.amazon.awssdk.services.ssooidc.model.AccessDeniedException;
import software.amazon.awssdk.services.ssooidc.model.AuthorizationPendingException;
import software.amazon.awssdk.services.ssooidc.model.CreateTokenResponse;
import software.amazon.awssdk.services.ssooidc.model.ExpiredTokenException;
import software.amazon.awssdk.services.ssooidc.model.RegisterClientResponse;
import software.amazon.awssdk.services.ssooidc.model.SlowDownException;
import software.amazon.awssdk.services.ssooidc.model.StartDeviceAuthorizationResponse;

/**
 * Signs in to IAM Identity Center with the OAuth device authorization flow, as {@code aws sso
 * login} does: registers a public client (with the sso-session's scopes, which earn a refresh
 * token), starts a device authorization, shows the user where to approve it, polls CreateToken
 * every {@code interval} seconds (five more after each SlowDown, RFC 8628) until the user approves,
 * denies or the code expires, and caches the token where the AWS CLI keeps it.
 */
public final class SsoDeviceFlow {

    /** The RFC's default poll interval and its SlowDown increment, in seconds (botocore's too). */
    static final int DEFAULT_INTERVAL = 5;

    static final int SLOW_DOWN_DELAY = 5;

    /** Shows the user the verification URI and code. */
    public interface Prompt {
        void show(String verificationUri, String userCode, String verificationUriComplete);
    }

    /** Waits between polls; tests and impatient callers may shorten it. */
    public interface Pause {
        void seconds(int seconds) throws InterruptedException;
    }

    private final SsoTokenCache cache;
    private final SsoClients clients;
    private final Clock clock;
    private final Pause pause;

    public SsoDeviceFlow(SsoTokenCache cache, SsoClients clients, Clock clock, Pause pause) {
        this.cache = cache;
        this.clients = clients;
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * Signs in and caches the token.
     *
     * @throws CredentialException when the sign-in is denied, expires, is interrupted or fails
     */
    public SsoToken signIn(SsoConfig config, Prompt prompt) {
        try (SsoOidcClient oidc = clients.oidc(config.region())) {
            Instant registered = clock.instant();
            RegisterClientResponse client = oidc.registerClient(r -> r.clientName("rolehop-"
                            + (config.sessionName() != null ? config.sessionName() : registered.getEpochSecond()))
                    .clientType("public")
                    .scopes(config.registrationScopes().isEmpty() ? null : config.registrationScopes()));
            StartDeviceAuthorizationResponse device = oidc.startDeviceAuthorization(r -> r.clientId(client.clientId())
                    .clientSecret(client.clientSecret())
                    .startUrl(config.startUrl()));
            prompt.show(device.verificationUri(), device.userCode(), device.verificationUriComplete());
            CreateTokenResponse response = poll(oidc, client, device, config);
            SsoToken token = new SsoToken(
                    response.accessToken(),
                    clock.instant().plusSeconds(response.expiresIn()),
                    response.refreshToken(),
                    client.clientId(),
                    client.clientSecret(),
                    Instant.ofEpochSecond(client.clientSecretExpiresAt()),
                    config.region(),
                    config.startUrl());
            cache.write(config, token);
            return token;
        } catch (IOException e) {
            throw new CredentialException(config.describe() + ": signed in, but the token could not be cached in "
                    + cache.file(config) + " (" + FileProblems.describe(e) + "); fix the directory and run "
                    + config.loginCommand() + " again");
        } catch (SdkException e) {
            throw new CredentialException(config.describe() + ": IAM Identity Center sign-in at " + config.startUrl()
                    + " failed: " + e.getMessage());
        }
    }

    private CreateTokenResponse poll(
            SsoOidcClient oidc,
            RegisterClientResponse client,
            StartDeviceAuthorizationResponse device,
            SsoConfig config) {
        int interval = device.interval() != null && device.interval() > 0 ? device.interval() : DEFAULT_INTERVAL;
        while (true) {
            try {
                pause.seconds(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CredentialException(
                        config.describe() + ": the sign-in was interrupted; run " + config.loginCommand() + " again");
            }
            try {
                return oidc.createToken(r -> r.grantType("urn:ietf:params:oauth:grant-type:device_code")
                        .clientId(client.clientId())
                        .clientSecret(client.clientSecret())
                        .deviceCode(device.deviceCode()));
            } catch (AuthorizationPendingException pending) {
                // Not approved yet: ask again after the interval.
            } catch (SlowDownException slowDown) {
                interval += SLOW_DOWN_DELAY;
            } catch (ExpiredTokenException expired) {
                throw new CredentialException(config.describe() + ": the sign-in code " + device.userCode()
                        + " expired before it was approved; run " + config.loginCommand() + " again");
            } catch (AccessDeniedException denied) {
                throw new CredentialException(
                        config.describe() + ": the sign-in with code " + device.userCode() + " was denied");
            }
        }
    }
}
