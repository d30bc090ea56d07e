package dev.rolehop.creds;

import dev.rolehop.creds.cache.CredentialCache;
import dev.rolehop.creds.chain.ChainPlanner;
import dev.rolehop.creds.chain.ChainRunner;
import dev.rolehop.creds.chain.CredentialPlan;
import dev.rolehop.creds.chain.CredentialSource;
import dev.rolehop.creds.chain.EnvironmentCredentials;
import dev.rolehop.creds.chain.MfaNeed;
import dev.rolehop.creds.chain.MfaTokenSource;
import dev.rolehop.creds.chain.StsRoleAssumer;
import dev.rolehop.creds.profile.ConfigLocations;
import dev.rolehop.creds.profile.ProfileFiles;
import dev.rolehop.creds.profile.ProfileKeys;
import dev.rolehop.creds.profile.ServiceEndpoints;
import dev.rolehop.creds.sso.SsoAccess;
import dev.rolehop.creds.sso.SsoClients;
import dev.rolehop.creds.sso.SsoConfig;
import dev.rolehop.creds.sso.SsoConfigs;
import dev.rolehop.creds.sso.SsoPortal;
import dev.rolehop.creds.sso.SsoTokenCache;
import dev.rolehop.creds.sso.SsoTokens;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Resolves AWS credentials the way the AWS CLI v2 does, with role chains, MFA and the CLI's
 * shared cache ({@code ~/.aws/cli/cache}).
 *
 * <p>Precedence: explicit credentials; then, when no profile is named, the environment's
 * {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}; then the profile (the named one, else
 * {@code AWS_PROFILE}, {@code AWS_DEFAULT_PROFILE}, {@code default}). A named profile ignores
 * the environment's keys, as {@code aws --profile} does. The files are read once, on first use.
 * Safe for use from several threads.
 */
public final class CredentialResolver {

    /** The region STS is called in when the profile names none (STS's global endpoint lives there). */
    public static final String DEFAULT_STS_REGION = "us-east-1";

    private final ResolverOptions options;
    private final ConfigLocations locations;
    private final MfaTokenSource mfa;
    private ProfileFiles files;

    private CredentialResolver(ResolverOptions options) {
        this.options = options;
        this.locations = ConfigLocations.resolve(options.environment(), options.userHome());
        this.mfa = new MfaTokenSource(options.mfaToken(), options.environment(), options.prompt());
    }

    /** A resolver with these options. */
    public static CredentialResolver create(ResolverOptions options) {
        return new CredentialResolver(Objects.requireNonNull(options, "options"));
    }

    /** The profile used for {@code profile}: itself, else AWS_PROFILE, AWS_DEFAULT_PROFILE, {@code default}. */
    public String profileName(String profile) {
        if (profile != null && !profile.isEmpty()) {
            return profile;
        }
        for (String variable : List.of("AWS_PROFILE", "AWS_DEFAULT_PROFILE")) {
            String value = options.environment().get(variable);
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return "default";
    }

    /**
     * Resolves the credentials of {@code profile}, assuming roles (and asking for MFA codes) as
     * needed.
     *
     * @param profile the profile, or {@code null} for the environment or the default profile
     * @throws CredentialException when they cannot be resolved; the message says why and what to do
     */
    public AwsCredentials resolve(String profile) {
        if (options.explicitCredentials().isPresent()) {
            return options.explicitCredentials().get();
        }
        if (profile == null || profile.isEmpty()) {
            Optional<AwsCredentials> fromEnvironment = EnvironmentCredentials.read(options.environment());
            if (fromEnvironment.isPresent()) {
                return fromEnvironment.get();
            }
            Optional<CredentialSource.WebIdentity> webIdentity =
                    EnvironmentCredentials.webIdentity(options.environment());
            if (webIdentity.isPresent()) {
                return runner(null).run(new CredentialPlan("environment", webIdentity.get(), List.of()));
            }
        }
        String name = profileName(profile);
        if ((profile == null || profile.isEmpty())
                && name.equals("default")
                && files().profile(name).isEmpty()) {
            throw new CredentialException("no credentials found: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not"
                    + " set, no profile is named (--profile, AWS_PROFILE) and there is no [default] profile in "
                    + locations.config() + " or " + locations.credentials() + "; set one of them");
        }
        CredentialPlan plan = new ChainPlanner(files()).plan(name);
        // A supplied code that cannot be one fails here, before the chain makes its first call.
        MfaNeed first = plan.firstMfaNeed();
        if (first != null) {
            mfa.checkSupplied(first);
        }
        return runner(name).run(plan);
    }

    /**
     * An SDK credentials provider for {@code profile} that refreshes before expiry, through the
     * shared cache and, where a role needs it, the MFA sources.
     */
    public AwsCredentialsProvider provider(String profile) {
        return new RefreshingCredentialsProvider(() -> resolve(profile), options.clock());
    }

    /** The region: AWS_REGION, AWS_DEFAULT_REGION, else the profile's {@code region}. */
    public Optional<String> region(String profile) {
        for (String variable : List.of("AWS_REGION", "AWS_DEFAULT_REGION")) {
            String value = options.environment().get(variable);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return files().profile(profileName(profile)).flatMap(p -> p.property(ProfileKeys.REGION));
    }

    /**
     * The configured endpoint URL of {@code service} ({@code "sts"}, {@code "ec2"}, {@code "iam"}):
     * AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL, the profile's {@code services} section, its
     * {@code endpoint_url}; none when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true.
     */
    public Optional<URI> endpointUrl(String profile, String service) {
        return ServiceEndpoints.resolve(options.environment(), files().profile(profileName(profile)), files(), service);
    }

    /** How {@code profile}'s credentials are obtained, source first, without calling AWS. */
    public List<ChainStep> explain(String profile) {
        return new ChainPlanner(files()).explain(profileName(profile));
    }

    /** The names of the profiles defined in the config and credentials files. */
    public List<String> profileNames() {
        return files().profileNames();
    }

    /** The config file this resolver reads ({@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}). */
    public java.nio.file.Path configFile() {
        return locations.config();
    }

    /** The AWS CLI cache directory this resolver uses. */
    public java.nio.file.Path cacheDirectory() {
        return locations.cacheDirectory();
    }

    /**
     * Removes the cached sessions of every role in {@code profile}'s chain, and its MFA session.
     *
     * @return how many entries were removed
     */
    public int clearCache(String profile) {
        CredentialCache cache = new CredentialCache(locations.cacheDirectory(), options.warnings());
        int removed = 0;
        String name = profileName(profile);
        CredentialPlan plan = new ChainPlanner(files()).plan(name);
        List<String> keys = new ArrayList<>();
        if (plan.session() != null) {
            keys.add(plan.session().cacheKey());
        }
        if (plan.source() instanceof CredentialSource.Sso sso) {
            keys.add(sso.cacheKey());
        }
        plan.hops().forEach(hop -> keys.add(hop.cacheKey()));
        for (String key : keys) {
            try {
                removed += cache.delete(key) ? 1 : 0;
            } catch (IOException e) {
                throw new CredentialException(
                        "cannot clear the cached sessions of profile '" + name + "': " + cache.explain(key, e), e);
            }
        }
        return removed;
    }

    /** The IAM Identity Center clients at the endpoints configured for {@code profile} (sso, sso-oidc). */
    public SsoClients ssoClients(String profile) {
        return new SsoClients(endpointUrl(profile, "sso"), endpointUrl(profile, "sso-oidc"));
    }

    /** The AWS CLI's IAM Identity Center token cache, {@code ~/.aws/sso/cache}. */
    public SsoTokenCache ssoTokenCache() {
        return new SsoTokenCache(locations.ssoCacheDirectory());
    }

    /** The AWS CLI's cache of role credentials, {@code ~/.aws/cli/cache}. */
    public CredentialCache credentialCache() {
        return new CredentialCache(locations.cacheDirectory(), options.warnings());
    }

    /**
     * The Identity Center sign-in settings of {@code profile} ({@code sso_session}, or legacy
     * {@code sso_start_url}/{@code sso_region}).
     */
    public SsoConfig ssoConfigOfProfile(String profile) {
        String name = profileName(profile);
        return SsoConfigs.ofProfile(
                files(),
                files().profile(name)
                        .orElseThrow(() -> new CredentialException("profile '" + name + "' does not exist in "
                                + locations.config() + " (defined profiles: "
                                + String.join(", ", files().profileNames()) + ")")));
    }

    /** The sign-in settings of a {@code [sso-session NAME]} section. */
    public SsoConfig ssoConfigOfSession(String session) {
        return SsoConfigs.ofSession(files(), session, null);
    }

    /** Valid access tokens of Identity Center sign-ins, renewed as botocore renews them. */
    public SsoTokens ssoTokens(String profile) {
        return new SsoTokens(ssoTokenCache(), ssoClients(profile), options.clock());
    }

    private SsoAccess ssoAccess(String profile) {
        return new SsoAccess(ssoTokens(profile), new SsoPortal(ssoClients(profile)));
    }

    private synchronized ProfileFiles files() {
        if (files == null) {
            files = ProfileFiles.load(locations, options.warnings());
        }
        return files;
    }

    private ChainRunner runner(String profile) {
        Optional<CredentialCache> cache = options.useCache()
                ? Optional.of(new CredentialCache(locations.cacheDirectory(), options.warnings()))
                : Optional.empty();
        StsRoleAssumer assumer =
                new StsRoleAssumer(endpointUrl(profile, "sts"), region(profile).orElse(DEFAULT_STS_REGION));
        return new ChainRunner(
                options.environment(), cache, assumer, ssoAccess(profile), mfa, options.clock(), options.warnings());
    }
}
