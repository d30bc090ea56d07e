package dev.rolehop.creds.profile;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sections of one or two parsed shared files: profiles, {@code sso-session} sections and
 * {@code services} sections, each a map from name to its properties (keys lower-cased).
 *
 * @param profiles profile name to properties, in file order
 * @param ssoSessions sso-session name to properties
 * @param services services section name to properties (values hold sub-properties)
 */
public record ProfileSections(
        Map<String, Map<String, String>> profiles,
        Map<String, Map<String, String>> ssoSessions,
        Map<String, Map<String, String>> services) {

    /** Copies the maps, keeping their order. */
    public ProfileSections {
        profiles = copy(profiles);
        ssoSessions = copy(ssoSessions);
        services = copy(services);
    }

    /** No sections at all: a missing file. */
    public static ProfileSections empty() {
        return new ProfileSections(Map.of(), Map.of(), Map.of());
    }

    /**
     * Merges {@code override} into this: profiles present in both get the properties of both, the
     * override's value winning for a key present in both (the credentials file wins over config).
     */
    public ProfileSections mergedWith(ProfileSections override) {
        return new ProfileSections(
                merge(profiles, override.profiles),
                merge(ssoSessions, override.ssoSessions),
                merge(services, override.services));
    }

    private static Map<String, Map<String, String>> merge(
            Map<String, Map<String, String>> base, Map<String, Map<String, String>> override) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        base.forEach((name, props) -> result.put(name, new LinkedHashMap<>(props)));
        override.forEach((name, props) ->
                result.computeIfAbsent(name, n -> new LinkedHashMap<>()).putAll(props));
        return result;
    }

    private static Map<String, Map<String, String>> copy(Map<String, Map<String, String>> sections) {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        sections.forEach(
                (name, props) -> result.put(name, java.util.Collections.unmodifiableMap(new LinkedHashMap<>(props))));
        return java.util.Collections.unmodifiableMap(result);
    }
}
