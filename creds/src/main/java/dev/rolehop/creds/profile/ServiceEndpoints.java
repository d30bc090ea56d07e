package dev.rolehop.creds.profile;

import dev.rolehop.creds.CredentialException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a service's configured endpoint URL as the AWS CLI does, first match wins:
 * {@code AWS_ENDPOINT_URL_<SERVICE>}, {@code AWS_ENDPOINT_URL}, the profile's
 * {@code services} section ({@code <service> = } with an {@code endpoint_url} sub-property), the
 * profile's {@code endpoint_url}. {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true} (or the
 * profile's {@code ignore_configured_endpoint_urls = true}) turns them all off.
 */
public final class ServiceEndpoints {

    private ServiceEndpoints() {}

    /**
     * The endpoint for {@code service} (e.g. {@code sts}, {@code ec2}, {@code iam}).
     *
     * @param profile the profile in use, or empty when it is not defined
     * @throws CredentialException when a configured value is not a URL
     */
    public static Optional<URI> resolve(
            Map<String, String> environment, Optional<Profile> profile, ProfileFiles files, String service) {
        if (isTrue(environment.get("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))
                || (!environment.containsKey("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
                        && profile.flatMap(p -> p.property(ProfileKeys.IGNORE_CONFIGURED_ENDPOINT_URLS))
                                .map(ServiceEndpoints::isTrue)
                                .orElse(false))) {
            return Optional.empty();
        }
        String envName = "AWS_ENDPOINT_URL_"
                + service.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        String serviceKey = service.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (String name : new String[] {envName, "AWS_ENDPOINT_URL"}) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(uri(value, "environment variable " + name));
            }
        }
        if (profile.isEmpty()) {
            return Optional.empty();
        }
        Profile p = profile.get();
        Optional<String> servicesName = p.property(ProfileKeys.SERVICES);
        if (servicesName.isPresent()) {
            Optional<String> fromSection = files.services(servicesName.get())
                    .map(section -> section.get(serviceKey))
                    .flatMap(block -> subProperty(block, ProfileKeys.ENDPOINT_URL));
            if (fromSection.isPresent()) {
                return Optional.of(uri(
                        fromSection.get(), "[services " + servicesName.get() + "] " + serviceKey + ".endpoint_url"));
            }
        }
        return p.property(ProfileKeys.ENDPOINT_URL).map(value -> uri(value, "profile '" + p.name() + "' endpoint_url"));
    }

    private static Optional<String> subProperty(String block, String key) {
        for (String line : block.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0
                    && line.substring(0, equals)
                            .strip()
                            .toLowerCase(Locale.ROOT)
                            .equals(key)) {
                String value = line.substring(equals + 1).strip();
                return value.isEmpty() ? Optional.empty() : Optional.of(value);
            }
        }
        return Optional.empty();
    }

    private static boolean isTrue(String value) {
        return value != null && value.strip().equalsIgnoreCase("true");
    }

    private static URI uri(String value, String where) {
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new URISyntaxException(value, "needs a scheme and a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CredentialException(
                    where + ": '" + value + "' is not a URL; write it like" + " http://127.0.0.1:4566");
        }
    }
}
