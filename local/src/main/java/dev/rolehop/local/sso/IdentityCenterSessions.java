package dev.rolehop.local.sso;

import dev.rolehop.local.world.IdentityCenter;
import dev.rolehop.local.world.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Identity Center of a rolehop local remembers between requests: registered OIDC clients,
 * pending device authorizations and the access and refresh tokens issued. Kept in memory only, so
 * a restart of rolehop local signs everyone out (clients then run {@code sso login} again).
 */
final class IdentityCenterSessions {

    /** How long a device authorization waits for approval (AWS: 10 minutes). */
    static final Duration DEVICE_CODE_LIFETIME = Duration.ofMinutes(10);
    /** Seconds a client waits between CreateToken polls (AWS answers 1). */
    static final int POLL_INTERVAL_SECONDS = 1;
    /** How long an access token lasts (AWS's default session, 8 hours). */
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofHours(8);
    /** How long a client registration lasts (AWS: 90 days). */
    static final Duration REGISTRATION_LIFETIME = Duration.ofDays(90);

    /** A registered client; it gets refresh tokens when it registered with scopes. */
    record Client(String id, String secret, Instant expiresAt, List<String> scopes) {}

    /** A device authorization, pending until a user approves or denies it. */
    static final class Authorization {
        final String clientId;
        final String userCode;
        final Instant expiresAt;
        Instant lastPoll;
        int fastPolls;
        String approvedUser;
        boolean denied;

        Authorization(String clientId, String userCode, Instant expiresAt) {
            this.clientId = clientId;
            this.userCode = userCode;
            this.expiresAt = expiresAt;
        }
    }

    /** An issued access token: whose, until when, and the refresh token that goes with it (or null). */
    record Token(String accessToken, String user, String clientId, Instant expiresAt, String refreshToken) {}

    private final IdentityCenter center;
    private final Map<String, Client> clients = new HashMap<>();
    private final Map<String, Authorization> byDeviceCode = new HashMap<>();
    private final Map<String, String> deviceCodeByUserCode = new HashMap<>();
    private final Map<String, Token> byAccessToken = new HashMap<>();
    private final Map<String, Token> byRefreshToken = new HashMap<>();

    IdentityCenterSessions(IdentityCenter center) {
        this.center = center;
    }

    /** The instance served, or an error saying the world has none. */
    IdentityCenter center(SsoError error) {
        if (center == null) {
            throw error.error("this rolehop local world has no identity_center (add one to the world file, see"
                    + " docs/local.md)");
        }
        return center;
    }

    synchronized Client register(List<String> scopes, Instant now) {
        Client client = new Client(
                Ids.randomSecret(16).replace('/', '_').replace('+', '-').replace("=", ""),
                Ids.randomSecret(96),
                now.plus(REGISTRATION_LIFETIME),
                scopes);
        clients.put(client.id(), client);
        return client;
    }

    /** The client with this id and secret, still registered. */
    synchronized Client client(String id, String secret, Instant now) {
        Client client = clients.get(id);
        if (client == null || !client.secret().equals(secret)) {
            throw SsoError.INVALID_CLIENT.error("Invalid client provided");
        }
        if (!now.isBefore(client.expiresAt())) {
            throw SsoError.INVALID_CLIENT.error("Client registration has expired");
        }
        return client;
    }

    /** Starts a device authorization; returns its device code (the key) and the authorization. */
    synchronized Map.Entry<String, Authorization> startDeviceAuthorization(Client client, Instant now) {
        String deviceCode = Ids.randomSecret(48);
        String userCode;
        do {
            String letters = Ids.randomUpper("", 8);
            userCode = letters.substring(0, 4) + "-" + letters.substring(4);
        } while (deviceCodeByUserCode.containsKey(userCode));
        Authorization authorization = new Authorization(client.id(), userCode, now.plus(DEVICE_CODE_LIFETIME));
        byDeviceCode.put(deviceCode, authorization);
        deviceCodeByUserCode.put(userCode, deviceCode);
        return Map.entry(deviceCode, authorization);
    }

    /**
     * A user approves (or denies) the pending authorization showing {@code userCode}.
     *
     * @throws IllegalArgumentException naming what is wrong (unknown code, expired, unknown user)
     */
    synchronized void decide(String userCode, String user, boolean approve, Instant now) {
        String code = userCode == null ? "" : userCode.strip().toUpperCase(java.util.Locale.ROOT);
        if (code.length() == 8 && code.indexOf('-') < 0) {
            code = code.substring(0, 4) + "-" + code.substring(4);
        }
        String deviceCode = deviceCodeByUserCode.get(code);
        Authorization authorization = deviceCode == null ? null : byDeviceCode.get(deviceCode);
        if (authorization == null) {
            throw new IllegalArgumentException(
                    "no pending sign-in shows the code '" + code + "'; check the code the sign-in printed");
        }
        if (!now.isBefore(authorization.expiresAt)) {
            throw new IllegalArgumentException("the code " + code + " has expired; start the sign-in again");
        }
        if (authorization.approvedUser != null || authorization.denied) {
            throw new IllegalArgumentException(
                    "the code " + code + " was already " + (authorization.denied ? "denied" : "approved"));
        }
        if (approve) {
            if (!center.users().contains(user)) {
                throw new IllegalArgumentException(
                        "no Identity Center user '" + user + "' (users: " + String.join(", ", center.users()) + ")");
            }
            authorization.approvedUser = user;
        } else {
            authorization.denied = true;
        }
    }

    /** The device-code grant: a token once the authorization is approved. */
    synchronized Token tokenForDeviceCode(Client client, String deviceCode, Instant now) {
        Authorization authorization = byDeviceCode.get(deviceCode);
        if (authorization == null || !authorization.clientId.equals(client.id())) {
            throw SsoError.INVALID_GRANT.error("Invalid grant provided");
        }
        if (!now.isBefore(authorization.expiresAt)) {
            forget(deviceCode, authorization);
            throw SsoError.EXPIRED_TOKEN.error("Device code has expired");
        }
        if (authorization.denied) {
            forget(deviceCode, authorization);
            throw SsoError.ACCESS_DENIED.error("The user denied the authorization request");
        }
        if (authorization.approvedUser == null) {
            Instant previous = authorization.lastPoll;
            authorization.lastPoll = now;
            boolean fast = previous != null
                    && previous.plusSeconds(POLL_INTERVAL_SECONDS).isAfter(now);
            authorization.fastPolls = fast ? authorization.fastPolls + 1 : 0;
            // One quick second poll is how the AWS CLI starts (it tries once before showing the code
            // and once more at once); a client that keeps polling faster than the interval slows down.
            if (authorization.fastPolls >= 2) {
                throw SsoError.SLOW_DOWN.error("Client is polling too fast; wait the interval between polls");
            }
            throw SsoError.AUTHORIZATION_PENDING.error("Authorization is still pending");
        }
        // A device code is exchanged once.
        forget(deviceCode, authorization);
        return issue(authorization.approvedUser, client, now);
    }

    /** The refresh-token grant: a new access token (and refresh token) for the same user. */
    synchronized Token tokenForRefreshToken(Client client, String refreshToken, Instant now) {
        Token previous = byRefreshToken.get(refreshToken);
        if (previous == null || !previous.clientId().equals(client.id())) {
            throw SsoError.INVALID_GRANT.error("Invalid refresh token provided");
        }
        byRefreshToken.remove(refreshToken);
        byAccessToken.remove(previous.accessToken());
        return issue(previous.user(), client, now);
    }

    /** The user of a valid access token. */
    synchronized String user(String accessToken, Instant now) {
        Token token = accessToken == null ? null : byAccessToken.get(accessToken);
        if (token == null || !now.isBefore(token.expiresAt())) {
            throw SsoError.UNAUTHORIZED.error("Session token not found or invalid");
        }
        return token.user();
    }

    /** Ends the session of an access token (and its refresh token); the user it belonged to, if any. */
    synchronized Optional<String> logout(String accessToken) {
        Token token = accessToken == null ? null : byAccessToken.remove(accessToken);
        if (token == null) {
            return Optional.empty();
        }
        if (token.refreshToken() != null) {
            byRefreshToken.remove(token.refreshToken());
        }
        return Optional.of(token.user());
    }

    private Token issue(String user, Client client, Instant now) {
        String refresh = client.scopes().isEmpty() ? null : "aorAAAAAG" + Ids.randomSecret(96);
        Token token = new Token(
                "aoaAAAAAG" + Ids.randomSecret(96), user, client.id(), now.plus(ACCESS_TOKEN_LIFETIME), refresh);
        byAccessToken.put(token.accessToken(), token);
        if (refresh != null) {
            byRefreshToken.put(refresh, token);
        }
        return token;
    }

    private void forget(String deviceCode, Authorization authorization) {
        byDeviceCode.remove(deviceCode);
        deviceCodeByUserCode.remove(authorization.userCode);
    }
}
