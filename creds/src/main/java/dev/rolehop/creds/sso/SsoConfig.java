package dev.rolehop.creds.sso;

import java.util.List;
import java.util.Objects;

/**
 * Where and how to sign in to IAM Identity Center: a {@code [sso-session NAME]} section, or the
 * {@code sso_start_url}/{@code sso_region} of a legacy profile.
 *
 * @param sessionName the sso-session's name, or null for a legacy profile
 * @param startUrl {@code sso_start_url}
 * @param region {@code sso_region}
 * @param registrationScopes {@code sso_registration_scopes} (an sso-session's; legacy sign-ins have none)
 * @param profile the profile this came from, or null when named by sso-session (for messages)
 */
public record SsoConfig(
        String sessionName, String startUrl, String region, List<String> registrationScopes, String profile) {

    public SsoConfig {
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(region, "region");
        registrationScopes = List.copyOf(registrationScopes);
    }

    /** The {@code rolehop sso login} command that signs in again for this configuration. */
    public String loginCommand() {
        return "rolehop sso login " + (profile != null ? "--profile " + profile : "--sso-session " + sessionName);
    }

    /** What this is, for messages: {@code sso-session 'S'} or {@code profile 'P'}. */
    public String describe() {
        return profile != null ? "profile '" + profile + "'" : "sso-session '" + sessionName + "'";
    }
}
