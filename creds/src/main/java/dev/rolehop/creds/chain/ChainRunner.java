package dev.rolehop.creds.chain;

import dev.rolehop.creds.AwsCredentials;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.cache.AssumedRole;
import dev.rolehop.creds.cache.CredentialCache;
import dev.rolehop.creds.sso.SsoAccess;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Obtains the credentials of a {@link CredentialPlan}: the source's credentials, the MFA session
 * made with them when the plan has one, then each role in turn, reusing cached sessions. A first
 * role whose {@code mfa_serial} is the session's device is assumed without a code: the session's
 * MFA context stands for it, so one code reaches every role chained from the user.
 *
 * <p>Like botocore, the role nearest the target is looked up in the cache first, and its source
 * is only resolved (and MFA only asked for) on a miss. An entry with less than
 * {@link #REFRESH_WINDOW} left counts as a miss. A miss is refreshed under the entry's lock, and
 * the cache is read again once the lock is held, so concurrent runs ask for one MFA code between
 * them. A rejected MFA code is reported with AWS's message and another code is asked for, up to
 * {@link #MFA_ATTEMPTS} codes.
 */
public final class ChainRunner {

    /** Cached sessions with less time left than this are refreshed (botocore's window). */
    public static final Duration REFRESH_WINDOW = Duration.ofMinutes(15);
    /** How many MFA codes are tried for one AssumeRole. */
    public static final int MFA_ATTEMPTS = 3;

    private final Map<String, String> environment;
    private final Optional<CredentialCache> cache;
    private final StsRoleAssumer assumer;
    private final SsoAccess sso;
    private final MfaTokenSource mfa;
    private final Clock clock;
    private final Consumer<String> warnings;

    /**
     * @param environment the environment (for {@code credential_source = Environment} and commands)
     * @param cache the shared cache, or empty for {@code --no-cache}
     */
    public ChainRunner(
            Map<String, String> environment,
            Optional<CredentialCache> cache,
            StsRoleAssumer assumer,
            SsoAccess sso,
            MfaTokenSource mfa,
            Clock clock,
            Consumer<String> warnings) {
        this.environment = environment;
        this.cache = cache;
        this.assumer = assumer;
        this.sso = sso;
        this.mfa = mfa;
        this.clock = clock;
        this.warnings = warnings;
    }

    /** The credentials at the end of the plan. */
    public AwsCredentials run(CredentialPlan plan) {
        return credentials(plan, plan.hops().size() - 1);
    }

    private AwsCredentials credentials(CredentialPlan plan, int index) {
        if (index < 0) {
            return plan.session() == null ? source(plan.source()) : session(plan);
        }
        RoleHop hop = plan.hops().get(index);
        return cached(
                hop.cacheKey(),
                () -> assume(plan, index),
                (role, cacheEntry) -> toCredentials(hop, role, cacheEntry == null ? "AssumeRole" : cacheEntry));
    }

    /** The MFA session of the plan's source keys: from the cache, else GetSessionToken with a code. */
    private AwsCredentials session(CredentialPlan plan) {
        MfaSession session = plan.session();
        return cached(
                session.cacheKey(),
                () -> {
                    AwsCredentials keys = source(plan.source());
                    return withMfaCode(session.mfaNeed(), code -> assumer.sessionToken(keys, session, code));
                },
                (role, cacheEntry) -> new AwsCredentials(
                        role.accessKeyId(),
                        role.secretAccessKey(),
                        role.sessionToken(),
                        role.expiration(),
                        "profile " + session.profile() + ": MFA session of " + session.accessKeyId() + " ("
                                + (cacheEntry == null ? "GetSessionToken" : cacheEntry) + ")",
                        plan.source() instanceof CredentialSource.StaticKeys keys ? keys.accountId() : null));
    }

    /**
     * An entry of the shared cache when it is fresh, else {@code fetch}ed under the entry's lock
     * (the cache is read again once the lock is held, so concurrent runs make one call and ask for
     * one code between them) and written; without the cache, always fetched. {@code result} gets
     * the entry and {@code "cache <file>"} when it came from the cache, else {@code null}.
     */
    private AwsCredentials cached(
            String key, Supplier<AssumedRole> fetch, BiFunction<AssumedRole, String, AwsCredentials> result) {
        return cached(key, fetch, result, CredentialCache::write);
    }

    /** How a fetched entry is written: in the AssumeRole layout, or botocore's SSO layout. */
    private interface EntryWriter {
        void write(CredentialCache cache, String key, AssumedRole role) throws IOException;
    }

    @SuppressWarnings("try") // the lock is held for the block's duration, not used inside it
    private AwsCredentials cached(
            String key,
            Supplier<AssumedRole> fetch,
            BiFunction<AssumedRole, String, AwsCredentials> result,
            EntryWriter writer) {
        if (cache.isEmpty()) {
            return result.apply(fetch.get(), null);
        }
        CredentialCache store = cache.get();
        Optional<AssumedRole> cached = fresh(store.read(key));
        if (cached.isPresent()) {
            return result.apply(cached.get(), "cache " + store.file(key));
        }
        try (CredentialCache.Lock lock = store.lock(key)) {
            cached = fresh(store.read(key));
            if (cached.isPresent()) {
                return result.apply(cached.get(), "cache " + store.file(key));
            }
            AssumedRole role = fetch.get();
            try {
                writer.write(store, key, role);
            } catch (IOException e) {
                store.warnUnusable(key, "written", e);
            }
            return result.apply(role, null);
        } catch (IOException e) {
            store.warnUnusable(key, "locked", e);
            return result.apply(fetch.get(), null);
        }
    }

    private Optional<AssumedRole> fresh(Optional<AssumedRole> entry) {
        Instant threshold = clock.instant().plus(REFRESH_WINDOW);
        return entry.filter(role -> role.expiration().isAfter(threshold));
    }

    private AssumedRole assume(CredentialPlan plan, int index) {
        RoleHop hop = plan.hops().get(index);
        AwsCredentials source = credentials(plan, index - 1);
        String sessionName = hop.roleSessionName() != null ? hop.roleSessionName() : "rolehop-" + clock.millis();
        if (hop.mfaSerial() == null || plan.mfaFromSession(index)) {
            // No code: none is configured, or the MFA session's context stands for it.
            return assumer.assume(source, hop, sessionName, null);
        }
        return withMfaCode(hop.mfaNeed(), code -> assumer.assume(source, hop, sessionName, code));
    }

    /**
     * Makes {@code call} with a code from the MFA sources; when STS rejects it, warns with AWS's
     * message and tries the next code, up to {@link #MFA_ATTEMPTS} codes.
     */
    private AssumedRole withMfaCode(MfaNeed need, Function<String, AssumedRole> call) {
        String rejection = null;
        for (int attempt = 1; ; attempt++) {
            String code;
            try {
                code = mfa.next(need);
            } catch (CredentialException e) {
                if (rejection == null) {
                    throw e;
                }
                throw new CredentialException(
                        "profile '" + need.profile() + "': AWS rejected the MFA code (" + rejection
                                + ") and no source has another one; "
                                + e.getMessage().replaceFirst("^.*?; ", ""),
                        e);
            }
            try {
                return call.apply(code);
            } catch (MfaRejectedException e) {
                if (attempt == MFA_ATTEMPTS) {
                    throw new CredentialException("profile '" + need.profile() + "': " + MFA_ATTEMPTS
                            + " MFA codes for " + need.serial() + " were rejected; last answer from AWS: "
                            + e.getMessage());
                }
                rejection = e.getMessage();
                warnings.accept("profile '" + need.profile() + "': MFA code rejected: " + e.getMessage() + " (attempt "
                        + attempt + " of " + MFA_ATTEMPTS + ")");
            }
        }
    }

    private static AwsCredentials toCredentials(RoleHop hop, AssumedRole role, String how) {
        return new AwsCredentials(
                role.accessKeyId(),
                role.secretAccessKey(),
                role.sessionToken(),
                role.expiration(),
                "profile " + hop.profile() + ": role " + hop.roleArn() + " (" + how + ")",
                role.accountId() != null ? role.accountId() : arnAccount(hop.roleArn()));
    }

    /**
     * A web identity's role: from the shared cache (botocore's key), else AssumeRoleWithWebIdentity
     * with the token file read afresh (Kubernetes and CI runners rotate it).
     */
    private AwsCredentials webIdentity(CredentialSource.WebIdentity identity) {
        String where = identity.profile().equals("environment") ? "environment" : "profile " + identity.profile();
        return cached(
                identity.cacheKey(),
                () -> assumer.assumeWithWebIdentity(
                        identity,
                        WebIdentityTokens.read(identity),
                        identity.roleSessionName() != null ? identity.roleSessionName() : "rolehop-" + clock.millis()),
                (role, cacheEntry) -> new AwsCredentials(
                        role.accessKeyId(),
                        role.secretAccessKey(),
                        role.sessionToken(),
                        role.expiration(),
                        where + ": web identity role " + identity.roleArn() + " ("
                                + (cacheEntry == null ? "AssumeRoleWithWebIdentity" : cacheEntry) + ")",
                        role.accountId() != null ? role.accountId() : arnAccount(identity.roleArn())));
    }

    /**
     * An IAM Identity Center role: from the shared cache (botocore's SSO key and layout), else
     * GetRoleCredentials with the sign-in's token (renewed if need be).
     */
    private AwsCredentials ssoRole(CredentialSource.Sso role) {
        return cached(
                role.cacheKey(),
                () -> sso.portal()
                        .roleCredentials(
                                role.config(),
                                sso.tokens().valid(role.config()),
                                role.accountId(),
                                role.roleName(),
                                role.profile()),
                (credentials, cacheEntry) -> new AwsCredentials(
                        credentials.accessKeyId(),
                        credentials.secretAccessKey(),
                        credentials.sessionToken(),
                        credentials.expiration(),
                        "profile " + role.profile() + ": IAM Identity Center role " + role.roleName() + " in "
                                + role.accountId() + " ("
                                + (cacheEntry == null ? "GetRoleCredentials" : cacheEntry) + ")",
                        role.accountId()),
                CredentialCache::writeSso);
    }

    /** The account field of an ARN ({@code arn:aws:iam::111122223333:role/x}), or {@code null}. */
    static String arnAccount(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        return parts.length == 6 && parts[0].equals("arn") && parts[4].matches("[0-9]{12}") ? parts[4] : null;
    }

    private AwsCredentials source(CredentialSource source) {
        if (source instanceof CredentialSource.StaticKeys keys) {
            return new AwsCredentials(
                    keys.accessKeyId(),
                    keys.secretAccessKey(),
                    keys.sessionToken(),
                    null,
                    "profile " + keys.profile() + ": static keys",
                    keys.accountId());
        }
        if (source instanceof CredentialSource.Environment env) {
            return EnvironmentCredentials.read(environment)
                    .map(c -> c.withSource("profile " + env.profile() + ": credential_source Environment"))
                    .orElseThrow(() -> new CredentialException("profile '" + env.profile()
                            + "': credential_source = Environment, but AWS_ACCESS_KEY_ID and"
                            + " AWS_SECRET_ACCESS_KEY are not set; export them or use source_profile"));
        }
        if (source instanceof CredentialSource.WebIdentity identity) {
            return webIdentity(identity);
        }
        if (source instanceof CredentialSource.Container container) {
            return ContainerCredentials.fetch(container.profile(), environment);
        }
        if (source instanceof CredentialSource.InstanceMetadata instance) {
            return InstanceMetadataCredentials.fetch(instance, environment);
        }
        if (source instanceof CredentialSource.Sso role) {
            return ssoRole(role);
        }
        CredentialSource.Process process = (CredentialSource.Process) source;
        return ProcessCredentials.fetch(process, environment, clock.instant());
    }
}
