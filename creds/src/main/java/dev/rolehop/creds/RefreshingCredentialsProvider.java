package dev.rolehop.creds;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/**
 * An SDK credentials provider over a resolver: resolves on first use and again before the
 * credentials expire, when less than 15 minutes (or half their lifetime, for short sessions) is
 * left. A refresh goes through the resolver, so it reuses the shared cache and asks the MFA
 * sources only when a role needs a new session.
 */
final class RefreshingCredentialsProvider implements AwsCredentialsProvider {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final Supplier<AwsCredentials> resolve;
    private final Clock clock;
    private AwsCredentials current;
    private Instant refreshAt;

    RefreshingCredentialsProvider(Supplier<AwsCredentials> resolve, Clock clock) {
        this.resolve = resolve;
        this.clock = clock;
    }

    @Override
    public synchronized software.amazon.awssdk.auth.credentials.AwsCredentials resolveCredentials() {
        Instant now = clock.instant();
        if (current == null || (refreshAt != null && !now.isBefore(refreshAt))) {
            current = resolve.get();
            refreshAt = refreshTime(current, now);
        }
        return toSdk(current);
    }

    private static Instant refreshTime(AwsCredentials credentials, Instant now) {
        if (credentials.expiration() == null) {
            return null;
        }
        Duration left = Duration.between(now, credentials.expiration());
        Duration window = left.dividedBy(2).compareTo(WINDOW) < 0 ? left.dividedBy(2) : WINDOW;
        return credentials.expiration().minus(window);
    }

    /** The SDK's credentials, with the account id (the SDK uses it for account-based endpoints). */
    private static software.amazon.awssdk.auth.credentials.AwsCredentials toSdk(AwsCredentials credentials) {
        if (credentials.sessionToken() == null) {
            return AwsBasicCredentials.builder()
                    .accessKeyId(credentials.accessKeyId())
                    .secretAccessKey(credentials.secretAccessKey())
                    .accountId(credentials.accountId())
                    .build();
        }
        return AwsSessionCredentials.builder()
                .accessKeyId(credentials.accessKeyId())
                .secretAccessKey(credentials.secretAccessKey())
                .sessionToken(credentials.sessionToken())
                .expirationTime(credentials.expiration())
                .accountId(credentials.accountId())
                .build();
    }

    @Override
    public String toString() {
        return "RefreshingCredentialsProvider";
    }
}
