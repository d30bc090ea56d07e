package dev.rolehop.creds.chain;

import dev.rolehop.creds.ChainStep;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.profile.Profile;
import dev.rolehop.creds.profile.ProfileFiles;
import dev.rolehop.creds.profile.ProfileKeys;
import dev.rolehop.creds.sso.SsoConfig;
import dev.rolehop.creds.sso.SsoConfigs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Works out, without calling AWS, how a profile's credentials are obtained, with the AWS CLI's
 * rules.
 *
 * <p>A profile with {@code role_arn} is assumed with the credentials of exactly one of
 * {@code source_profile} or {@code credential_source = Environment}. A source profile that holds
 * static keys supplies them (its own {@code role_arn} is then not used, as in the AWS CLI); one
 * without them is resolved in turn, so chains may have any depth. A profile may name itself as
 * {@code source_profile} only when it holds static keys; any other repeat is a cycle. A profile
 * without {@code role_arn} supplies, in this order: static keys from the credentials file,
 * {@code credential_process}, static keys from the config file.
 *
 * <p>A profile with {@code role_arn} and {@code web_identity_token_file} but neither
 * {@code source_profile} nor {@code credential_source} is a web identity source: the role is
 * assumed with the token (STS AssumeRoleWithWebIdentity), as botocore's provider does.
 *
 * <p>rolehop's addition: a profile without {@code role_arn} whose long-term keys come with
 * {@code mfa_serial} (which the AWS CLI ignores there) gets an {@link MfaSession}: the keys make an
 * MFA session, and the roles chained from that profile are assumed with it.
 */
public final class ChainPlanner {

    private final ProfileFiles files;

    /** Plans against these files. */
    public ChainPlanner(ProfileFiles files) {
        this.files = files;
    }

    /**
     * The plan for {@code profileName}.
     *
     * @throws CredentialException when the profile or its chain is misconfigured
     */
    public CredentialPlan plan(String profileName) {
        List<RoleHop> hops = new ArrayList<>();
        Start start = build(profileName, hops);
        return new CredentialPlan(profileName, start.source(), start.session(), hops);
    }

    /** Where a chain starts: the source, and the MFA session made with it (or {@code null}). */
    private record Start(CredentialSource source, MfaSession session) {
        Start(CredentialSource source) {
            this(source, null);
        }
    }

    /** The plan as steps; where the chain breaks, an {@link ChainStep.Error} takes the source's place. */
    public List<ChainStep> explain(String profileName) {
        List<RoleHop> hops = new ArrayList<>();
        List<ChainStep> steps = new ArrayList<>();
        try {
            Start start = build(profileName, hops);
            steps.add(start.source().step());
            if (start.session() != null) {
                steps.add(start.session().step());
            }
        } catch (CredentialException e) {
            steps.add(new ChainStep.Error(e.getMessage()));
        }
        hops.forEach(hop -> steps.add(hop.step()));
        return steps;
    }

    private Start build(String profileName, List<RoleHop> hops) {
        Profile current = files.profile(profileName).orElseThrow(() -> notFound(profileName));
        Set<String> visited = new LinkedHashSet<>();
        visited.add(profileName);
        boolean target = true;
        while (true) {
            boolean assumes =
                    current.property(ProfileKeys.ROLE_ARN).isPresent() && (target || !current.hasStaticKeys());
            if (!assumes) {
                CredentialSource source = profileSource(current);
                return new Start(source, mfaSession(current, source));
            }
            if (current.property(ProfileKeys.WEB_IDENTITY_TOKEN_FILE).isPresent()
                    && current.property(ProfileKeys.SOURCE_PROFILE).isEmpty()
                    && current.property(ProfileKeys.CREDENTIAL_SOURCE).isEmpty()) {
                // role_arn with a token file and no other source: the role is assumed with the token.
                return new Start(webIdentity(current));
            }
            RoleHop hop = hop(current);
            hops.add(0, hop);
            Optional<String> credentialSource = current.property(ProfileKeys.CREDENTIAL_SOURCE);
            Optional<String> sourceProfile = current.property(ProfileKeys.SOURCE_PROFILE);
            if (credentialSource.isPresent() && sourceProfile.isPresent()) {
                throw new CredentialException("profile '" + current.name() + "': role_arn needs exactly one of"
                        + " source_profile and credential_source, but both are set; remove one of them");
            }
            if (credentialSource.isPresent()) {
                return new Start(namedSource(current, credentialSource.get()));
            }
            if (sourceProfile.isEmpty()) {
                throw new CredentialException("profile '" + current.name() + "': role_arn needs exactly one of"
                        + " source_profile and credential_source, but neither is set; add source_profile = NAME"
                        + " or credential_source = Environment");
            }
            String next = sourceProfile.get();
            Optional<Profile> nextProfile = files.profile(next);
            if (nextProfile.isEmpty()) {
                throw new CredentialException("profile '" + current.name() + "': source_profile '" + next
                        + "' does not exist (defined profiles: " + String.join(", ", files.profileNames()) + ")");
            }
            if (visited.contains(next)) {
                if (next.equals(current.name()) && current.hasStaticKeys()) {
                    return new Start(staticKeys(current));
                }
                List<String> chain = new ArrayList<>(visited);
                chain.add(next);
                throw new CredentialException("profile '" + profileName + "': source_profile chain "
                        + String.join(" -> ", chain) + " is a cycle; a profile may name itself as source_profile"
                        + " only when it holds aws_access_key_id and aws_secret_access_key");
            }
            visited.add(next);
            target = false;
            current = nextProfile.get();
        }
    }

    private CredentialException notFound(String profileName) {
        List<String> names = files.profileNames();
        return new CredentialException("profile '" + profileName + "' does not exist in "
                + files.locations().config() + " or " + files.locations().credentials()
                + " (defined profiles: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
    }

    private static RoleHop hop(Profile profile) {
        return new RoleHop(
                profile.name(),
                profile.property(ProfileKeys.ROLE_ARN).orElseThrow(),
                profile.property(ProfileKeys.EXTERNAL_ID).orElse(null),
                profile.property(ProfileKeys.ROLE_SESSION_NAME).orElse(null),
                profile.property(ProfileKeys.MFA_SERIAL).orElse(null),
                durationSeconds(profile),
                profile.property(ProfileKeys.MFA_PROCESS).orElse(null));
    }

    private static Integer durationSeconds(Profile profile) {
        Optional<String> value = profile.property(ProfileKeys.DURATION_SECONDS);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value.get());
        } catch (NumberFormatException e) {
            throw new CredentialException("profile '" + profile.name() + "': duration_seconds '" + value.get()
                    + "' is not a whole number of seconds; write e.g. duration_seconds = 3600");
        }
    }

    /**
     * The MFA session of a profile that supplies long-term keys and sets {@code mfa_serial} without
     * {@code role_arn} (with {@code role_arn}, {@code mfa_serial} is the role's, as in the AWS CLI);
     * {@code null} otherwise. Keys that are already a session ({@code aws_session_token}) cannot make
     * one (STS refuses GetSessionToken with session credentials) and are used as they are.
     */
    private static MfaSession mfaSession(Profile profile, CredentialSource source) {
        Optional<String> serial = profile.property(ProfileKeys.MFA_SERIAL);
        if (serial.isEmpty()
                || profile.property(ProfileKeys.ROLE_ARN).isPresent()
                || !(source instanceof CredentialSource.StaticKeys keys)
                || keys.sessionToken() != null) {
            return null;
        }
        return new MfaSession(
                profile.name(),
                keys.accessKeyId(),
                serial.get(),
                sessionDurationSeconds(profile),
                profile.property(ProfileKeys.MFA_PROCESS).orElse(null));
    }

    /** {@code rolehop_session_duration_seconds}: STS's bounds for an IAM user's session, 900 to 129600. */
    private static Integer sessionDurationSeconds(Profile profile) {
        Optional<String> value = profile.property(ProfileKeys.SESSION_DURATION_SECONDS);
        if (value.isEmpty()) {
            return null;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 900 || seconds > 129600) {
            throw new CredentialException("profile '" + profile.name() + "': "
                    + ProfileKeys.SESSION_DURATION_SECONDS + " '" + value.get() + "' is not a whole number of"
                    + " seconds from 900 to 129600 (STS's limits for an MFA session); write e.g. "
                    + ProfileKeys.SESSION_DURATION_SECONDS + " = 28800");
        }
        return seconds;
    }

    private static CredentialSource namedSource(Profile profile, String name) {
        switch (name) {
            case "Environment":
                return new CredentialSource.Environment(profile.name());
            case "EcsContainer":
                return new CredentialSource.Container(profile.name());
            case "Ec2InstanceMetadata":
                return new CredentialSource.InstanceMetadata(profile.name(), metadataSettings(profile));
            default:
                throw new CredentialException("profile '" + profile.name() + "': credential_source '" + name
                        + "' is not valid; use Environment, EcsContainer or Ec2InstanceMetadata");
        }
    }

    /** The profile's own instance metadata settings (botocore reads them from the profile in use). */
    private static Map<String, String> metadataSettings(Profile profile) {
        Map<String, String> settings = new HashMap<>();
        for (String key : List.of(
                ProfileKeys.EC2_METADATA_SERVICE_ENDPOINT,
                ProfileKeys.EC2_METADATA_SERVICE_ENDPOINT_MODE,
                ProfileKeys.METADATA_SERVICE_TIMEOUT,
                ProfileKeys.METADATA_SERVICE_NUM_ATTEMPTS)) {
            profile.property(key).ifPresent(value -> settings.put(key, value));
        }
        return settings;
    }

    private CredentialSource profileSource(Profile profile) {
        // botocore's order: IAM Identity Center before the credentials file's keys.
        if (SsoConfigs.isSsoProfile(profile)) {
            return sso(profile);
        }
        if (profile.hasStaticKeysInCredentialsFile()) {
            return staticKeys(profile);
        }
        Optional<String> process = profile.property(ProfileKeys.CREDENTIAL_PROCESS);
        if (process.isPresent()) {
            return new CredentialSource.Process(
                    profile.name(),
                    process.get(),
                    profile.property(ProfileKeys.ACCOUNT_ID).orElse(null));
        }
        if (profile.property(ProfileKeys.ACCESS_KEY_ID).isPresent()
                || profile.property(ProfileKeys.SECRET_ACCESS_KEY).isPresent()) {
            return staticKeys(profile);
        }
        if (profile.property(ProfileKeys.WEB_IDENTITY_TOKEN_FILE).isPresent()) {
            throw new CredentialException("profile '" + profile.name() + "': web_identity_token_file is set but"
                    + " role_arn is missing; add role_arn = the role to assume with the token");
        }
        if (profile.property(ProfileKeys.SSO_SESSION).isPresent()
                || profile.property(ProfileKeys.SSO_START_URL).isPresent()) {
            throw new CredentialException("profile '" + profile.name() + "' signs in to IAM Identity Center but"
                    + " names no role; add sso_account_id and sso_role_name (rolehop profiles --sso-profile "
                    + profile.name() + " lists the accounts and roles you can reach)");
        }
        throw new CredentialException("profile '" + profile.name() + "' has no credentials; set"
                + " aws_access_key_id and aws_secret_access_key, credential_process, or role_arn with"
                + " source_profile");
    }

    private CredentialSource sso(Profile profile) {
        SsoConfig config = SsoConfigs.ofProfile(files, profile);
        Optional<String> account = profile.property(ProfileKeys.SSO_ACCOUNT_ID);
        Optional<String> role = profile.property(ProfileKeys.SSO_ROLE_NAME);
        if (account.isEmpty() || role.isEmpty()) {
            throw new CredentialException("profile '" + profile.name() + "' is configured for IAM Identity Center but"
                    + " is missing " + (account.isEmpty() ? ProfileKeys.SSO_ACCOUNT_ID : ProfileKeys.SSO_ROLE_NAME)
                    + "; set both sso_account_id and sso_role_name");
        }
        return new CredentialSource.Sso(profile.name(), config, account.get(), role.get());
    }

    private static CredentialSource webIdentity(Profile profile) {
        return new CredentialSource.WebIdentity(
                profile.name(),
                profile.property(ProfileKeys.ROLE_ARN).orElseThrow(),
                profile.property(ProfileKeys.WEB_IDENTITY_TOKEN_FILE).orElseThrow(),
                profile.property(ProfileKeys.ROLE_SESSION_NAME).orElse(null));
    }

    private static CredentialSource staticKeys(Profile profile) {
        String keyId = profile.property(ProfileKeys.ACCESS_KEY_ID).orElse(null);
        String secret = profile.property(ProfileKeys.SECRET_ACCESS_KEY).orElse(null);
        if (keyId == null || secret == null) {
            throw new CredentialException("profile '" + profile.name() + "': "
                    + (keyId == null
                            ? ProfileKeys.SECRET_ACCESS_KEY + " is set but " + ProfileKeys.ACCESS_KEY_ID
                            : ProfileKeys.ACCESS_KEY_ID + " is set but " + ProfileKeys.SECRET_ACCESS_KEY)
                    + " is missing; set both");
        }
        return new CredentialSource.StaticKeys(
                profile.name(),
                keyId,
                secret,
                profile.property(ProfileKeys.SESSION_TOKEN).orElse(null),
                profile.property(ProfileKeys.ACCOUNT_ID).orElse(null));
    }
}
