package dev.rolehop.local.imds;

import dev.rolehop.local.world.Ids;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * IMDSv2 session tokens: issued for 1 to 21,600 seconds (else 400, as IMDS answers), valid until
 * they expire. Expired tokens are dropped when new ones are issued, so the set stays small.
 */
final class MetadataTokens {

    static final long MAX_TTL_SECONDS = 21600;

    private final Clock clock;
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();

    MetadataTokens(Clock clock) {
        this.clock = clock;
    }

    /** A new token for the requested time to live, or 400 when it is missing or out of range. */
    InstanceMetadataEndpoint.Answer issue(String ttlHeader) {
        long ttl;
        try {
            ttl = ttlHeader == null ? 0 : Long.parseLong(ttlHeader.strip());
        } catch (NumberFormatException e) {
            ttl = 0;
        }
        if (ttl < 1 || ttl > MAX_TTL_SECONDS) {
            return InstanceMetadataEndpoint.Answer.status(400, "Bad Request");
        }
        Instant now = clock.instant();
        expiries.values().removeIf(expiry -> !now.isBefore(expiry));
        String token = Ids.randomSecret(42);
        expiries.put(token, now.plusSeconds(ttl));
        return InstanceMetadataEndpoint.Answer.token(token, ttl);
    }

    /** Whether {@code token} was issued here and has not expired. */
    boolean valid(String token) {
        if (token == null) {
            return false;
        }
        Instant expiry = expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }
}
