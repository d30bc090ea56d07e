package dev.rolehop.creds.profile;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One named profile: its properties merged from both files, and those from the credentials
 * file alone (the AWS CLI reads static keys from the credentials file before
 * {@code credential_process}, and those from the config file after it).
 *
 * @param name the profile name
 * @param properties all properties, the credentials file winning over the config file
 * @param credentialsFileProperties the properties set in the credentials file
 */
public record Profile(String name, Map<String, String> properties, Map<String, String> credentialsFileProperties) {

    /** Copies the maps. */
    public Profile {
        Objects.requireNonNull(name, "name");
        properties = Map.copyOf(properties);
        credentialsFileProperties = Map.copyOf(credentialsFileProperties);
    }

    /** The value of {@code key} (lower case), empty when unset or blank. */
    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Whether the profile sets an access key pair (in either file). */
    public boolean hasStaticKeys() {
        return property(ProfileKeys.ACCESS_KEY_ID).isPresent()
                && property(ProfileKeys.SECRET_ACCESS_KEY).isPresent();
    }

    /** Whether the credentials file (not only the config file) sets the access key pair. */
    public boolean hasStaticKeysInCredentialsFile() {
        return credentialsFileProperties.containsKey(ProfileKeys.ACCESS_KEY_ID);
    }

    /** Prints the name and the property names only: values may be secrets. */
    @Override
    public String toString() {
        return "Profile[" + name + ", keys=" + properties.keySet() + "]";
    }
}
