package dev.rolehop.creds.sso;

import dev.rolehop.creds.CredentialException;
import dev.rolehop.creds.profile.Profile;
import dev.rolehop.creds.profile.ProfileFiles;
import dev.rolehop.creds.profile.ProfileKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads IAM Identity Center settings with botocore's rules: a profile's {@code sso_session} names a
 * {@code [sso-session NAME]} section holding {@code sso_start_url}, {@code sso_region} (and
 * {@code sso_registration_scopes}); a value the profile repeats must match the section's. A legacy
 * profile holds {@code sso_start_url} and {@code sso_region} itself.
 */
public final class SsoConfigs {

    private SsoConfigs() {}

    /** Whether the profile gets its credentials from Identity Center (botocore: it sets sso_account_id or sso_role_name). */
    public static boolean isSsoProfile(Profile profile) {
        return profile.property(ProfileKeys.SSO_ACCOUNT_ID).isPresent()
                || profile.property(ProfileKeys.SSO_ROLE_NAME).isPresent();
    }

    /**
     * The sign-in settings of a profile ({@code sso_session}, or legacy {@code sso_start_url}).
     *
     * @throws CredentialException naming the profile, the missing or inconsistent key and the fix
     */
    public static SsoConfig ofProfile(ProfileFiles files, Profile profile) {
        Optional<String> session = profile.property(ProfileKeys.SSO_SESSION);
        if (session.isPresent()) {
            SsoConfig config = ofSession(files, session.get(), "profile '" + profile.name() + "'");
            for (String key : List.of(ProfileKeys.SSO_START_URL, ProfileKeys.SSO_REGION)) {
                String sessionValue = key.equals(ProfileKeys.SSO_REGION) ? config.region() : config.startUrl();
                Optional<String> own = profile.property(key);
                if (own.isPresent() && !own.get().equals(sessionValue)) {
                    throw new CredentialException("profile '" + profile.name() + "': the value of " + key
                            + " is inconsistent between the profile (" + own.get() + ") and sso-session '"
                            + session.get() + "' (" + sessionValue + "); remove it from the profile");
                }
            }
            return new SsoConfig(
                    config.sessionName(),
                    config.startUrl(),
                    config.region(),
                    config.registrationScopes(),
                    profile.name());
        }
        List<String> missing = new ArrayList<>();
        Optional<String> startUrl = required(profile.properties(), ProfileKeys.SSO_START_URL, missing);
        Optional<String> region = required(profile.properties(), ProfileKeys.SSO_REGION, missing);
        if (!missing.isEmpty()) {
            throw new CredentialException("profile '" + profile.name() + "' is configured for IAM Identity Center"
                    + " but is missing " + String.join(" and ", missing) + "; add sso_session = NAME (with a"
                    + " [sso-session NAME] section) or sso_start_url and sso_region");
        }
        return new SsoConfig(null, startUrl.get(), region.get(), List.of(), profile.name());
    }

    /**
     * The sign-in settings of a {@code [sso-session NAME]} section.
     *
     * @param user who names the section, for messages (e.g. {@code profile 'dev'}), or null
     */
    public static SsoConfig ofSession(ProfileFiles files, String name, String user) {
        Map<String, String> section = files.ssoSession(name)
                .orElseThrow(() -> new CredentialException((user == null ? "" : user + ": ")
                        + "sso-session '" + name + "' does not exist in "
                        + files.locations().config()
                        + " (defined sso-sessions: "
                        + (files.ssoSessionNames().isEmpty() ? "none" : String.join(", ", files.ssoSessionNames()))
                        + "); add a [sso-session " + name + "] section with sso_start_url and sso_region"));
        List<String> missing = new ArrayList<>();
        Optional<String> startUrl = required(section, ProfileKeys.SSO_START_URL, missing);
        Optional<String> region = required(section, ProfileKeys.SSO_REGION, missing);
        if (!missing.isEmpty()) {
            throw new CredentialException("sso-session '" + name + "' is missing " + String.join(" and ", missing)
                    + "; add " + (missing.size() == 1 ? "it" : "them") + " to the [sso-session " + name
                    + "] section");
        }
        List<String> scopes = new ArrayList<>();
        Optional.ofNullable(section.get(ProfileKeys.SSO_REGISTRATION_SCOPES)).ifPresent(raw -> {
            for (String scope : raw.split(",")) {
                if (!scope.isBlank()) {
                    scopes.add(scope.strip());
                }
            }
        });
        return new SsoConfig(name, startUrl.get(), region.get(), scopes, null);
    }

    private static Optional<String> required(Map<String, String> properties, String key, List<String> missing) {
        Optional<String> value =
                Optional.ofNullable(properties.get(key)).map(String::strip).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            missing.add(key);
        }
        return value;
    }
}
