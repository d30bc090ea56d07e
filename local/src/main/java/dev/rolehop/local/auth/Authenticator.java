package dev.rolehop.local.auth;

import dev.rolehop.local.state.IamDirectory;
import dev.rolehop.local.state.TemporaryCredential;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.world.AccessKey;
import dev.rolehop.local.world.User;
import dev.rolehop.local.world.World;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Finds who signed a request and proves it: the access key (long-term from the world or created
 * through IAM, or temporary from the state), its session token, its expiry, the clock skew and the signature,
 * answering with the error codes each service uses.
 *
 * <p>Checks run in this order: key known, token matches, token not expired, time within
 * 15 minutes, signature. Credentials are checked before the clock so an expired session
 * answers {@code ExpiredToken} even when the client's clock also drifted.
 */
public final class Authenticator {

    /** The largest clock difference AWS accepts between a request and the service. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);

    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final IamDirectory directory;
    private final WorldState state;
    private final Clock clock;

    /** Creates an authenticator over a world, its state and the service clock. */
    public Authenticator(World world, WorldState state, Clock clock) {
        this.directory = new IamDirectory(world, state);
        this.state = state;
        this.clock = clock;
    }

    /**
     * Authenticates a signed request.
     *
     * @throws AwsException with the code the request's service answers for the failure
     */
    public Caller authenticate(SignedRequest request, SigV4Authorization auth) {
        boolean ec2 = "ec2".equals(auth.service());
        Instant now = clock.instant();
        Caller caller;
        String secret;
        Optional<TemporaryCredential> session = state.session(auth.accessKeyId());
        if (session.isPresent()) {
            TemporaryCredential c = session.get();
            if (auth.securityToken() == null || !auth.securityToken().equals(c.sessionToken())) {
                throw invalidKey(ec2);
            }
            if (!now.isBefore(c.expiration())) {
                throw ec2 ? AwsErrorCode.REQUEST_EXPIRED.error() : AwsErrorCode.EXPIRED_TOKEN.error();
            }
            caller = sessionCaller(c).orElseThrow(() -> invalidKey(ec2));
            secret = c.secretAccessKey();
        } else {
            Optional<User> user = directory.userByAccessKey(auth.accessKeyId());
            if (user.isEmpty() || auth.securityToken() != null) {
                throw invalidKey(ec2);
            }
            caller = Caller.of(user.get());
            secret = user.get().accessKeys().stream()
                    .filter(k -> k.id().equals(auth.accessKeyId()))
                    .map(AccessKey::secret)
                    .findFirst()
                    .orElseThrow();
        }
        checkSkew(auth, now, ec2);
        if (!SigV4Verifier.verify(request, auth, secret)) {
            throw AwsErrorCode.SIGNATURE_DOES_NOT_MATCH.error();
        }
        return caller;
    }

    /**
     * The caller temporary credentials act as, limited by their session policies; empty when
     * their role or user no longer exists.
     */
    public Optional<Caller> sessionCaller(TemporaryCredential c) {
        Optional<Caller> caller = switch (c.kind()) {
            case ASSUMED_ROLE ->
                directory.role(c.accountId(), c.principalName()).map(r -> Caller.ofRole(r, c));
            case SESSION_TOKEN ->
                directory.user(c.accountId(), c.principalName()).map(u -> Caller.ofSessionToken(u, c));
            case FEDERATED_USER ->
                directory.user(c.accountId(), c.principalName()).map(u -> Caller.ofFederatedUser(u, c));
        };
        return c.sessionPolicies() == null
                ? caller
                : caller.map(x -> x.limitedBy(directory.sessionPolicies(c.accountId(), c.sessionPolicies())));
    }

    private static AwsException invalidKey(boolean ec2) {
        return ec2 ? AwsErrorCode.AUTH_FAILURE.error() : AwsErrorCode.INVALID_CLIENT_TOKEN_ID.error();
    }

    private static void checkSkew(SigV4Authorization auth, Instant now, boolean ec2) {
        Instant signed;
        try {
            signed = AMZ_DATE.parse(auth.amzDate(), Instant::from);
        } catch (DateTimeParseException e) {
            throw AwsErrorCode.INCOMPLETE_SIGNATURE.error("Date must be in ISO-8601 'basic format'. Got '"
                    + auth.amzDate() + "'. See http://en.wikipedia.org/wiki/ISO_8601");
        }
        if (signed.isBefore(now.minus(MAX_SKEW))) {
            throw ec2
                    ? AwsErrorCode.REQUEST_EXPIRED.error()
                    : AwsErrorCode.SIGNATURE_DOES_NOT_MATCH.error("Signature expired: " + auth.amzDate()
                            + " is now earlier than " + AMZ_DATE.format(now.minus(MAX_SKEW)) + " ("
                            + AMZ_DATE.format(now) + " - 15 min.)");
        }
        if (signed.isAfter(now.plus(MAX_SKEW))) {
            throw ec2
                    ? AwsErrorCode.REQUEST_EXPIRED.error()
                    : AwsErrorCode.SIGNATURE_DOES_NOT_MATCH.error("Signature not yet current: " + auth.amzDate()
                            + " is still later than " + AMZ_DATE.format(now.plus(MAX_SKEW)) + " ("
                            + AMZ_DATE.format(now) + " + 15 min.)");
        }
    }
}
