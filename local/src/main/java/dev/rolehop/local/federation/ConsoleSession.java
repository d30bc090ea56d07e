package dev.rolehop.local.federation;

import java.time.Instant;
import java.util.Objects;

/**
 * Who a console sign-in is for and until when: the identity the session credentials act as (as
 * GetCallerIdentity names it) and the console session's end.
 *
 * @param issuer the {@code Issuer} of the login URL (the broker's sign-in page), or null
 */
record ConsoleSession(String accountId, String arn, String userId, Instant expiration, String issuer) {

    ConsoleSession {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(expiration, "expiration");
    }

    ConsoleSession issuedBy(String newIssuer) {
        return new ConsoleSession(accountId, arn, userId, expiration, newIssuer);
    }
}
