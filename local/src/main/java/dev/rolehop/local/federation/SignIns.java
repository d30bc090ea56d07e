package dev.rolehop.local.federation;

import dev.rolehop.local.world.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sign-in tokens getSigninToken issued and the console sessions login opened, in memory (a
 * restart signs everyone out). A token is good for one login within 15 minutes of its issue, as
 * on AWS; a console session lasts until its own end.
 */
final class SignIns {

    /** How long a sign-in token may wait for its login. */
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private record Pending(ConsoleSession session, Instant issued) {}

    private final Map<String, Pending> tokens = new HashMap<>();
    private final Map<String, ConsoleSession> sessions = new HashMap<>();

    /** A new sign-in token for a console session. */
    synchronized String issue(ConsoleSession session, Instant now) {
        tokens.values().removeIf(p -> !now.isBefore(p.issued().plus(TOKEN_LIFETIME)));
        String token = Ids.randomUrlSafe(96);
        tokens.put(token, new Pending(session, now));
        return token;
    }

    /** Uses a sign-in token up: its console session, empty when it is unknown, used or too old. */
    synchronized Optional<ConsoleSession> redeem(String token, Instant now) {
        Pending pending = tokens.remove(token);
        if (pending == null || !now.isBefore(pending.issued().plus(TOKEN_LIFETIME))) {
            return Optional.empty();
        }
        return Optional.of(pending.session());
    }

    /** Opens a console session; answers the id its cookie carries. */
    synchronized String open(ConsoleSession session, Instant now) {
        sessions.values().removeIf(s -> !now.isBefore(s.expiration()));
        String id = Ids.randomUrlSafe(32);
        sessions.put(id, session);
        return id;
    }

    /** The console session a cookie names, while it lasts. */
    synchronized Optional<ConsoleSession> session(String id, Instant now) {
        return Optional.ofNullable(sessions.get(id)).filter(s -> now.isBefore(s.expiration()));
    }
}
