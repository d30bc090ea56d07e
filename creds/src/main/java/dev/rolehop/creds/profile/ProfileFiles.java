package dev.rolehop.creds.profile;

import dev.rolehop.creds.CredentialException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The shared config and credentials files, read once and merged: profiles, {@code services}
 * sections and {@code sso-session} sections. A missing file counts as empty.
 */
public final class ProfileFiles {

    private final ConfigLocations locations;
    private final ProfileSections credentials;
    private final ProfileSections merged;

    private ProfileFiles(ConfigLocations locations, ProfileSections config, ProfileSections credentials) {
        this.locations = locations;
        this.credentials = credentials;
        this.merged = config.mergedWith(credentials);
    }

    /**
     * Reads both files.
     *
     * @throws CredentialException when a file cannot be read or is malformed
     */
    public static ProfileFiles load(ConfigLocations locations, Consumer<String> warnings) {
        return new ProfileFiles(
                locations,
                read(locations.config(), FileKind.CONFIG, warnings),
                read(locations.credentials(), FileKind.CREDENTIALS, warnings));
    }

    /** Parses texts instead of files (for tests and the shared vectors). */
    public static ProfileFiles of(String configText, String credentialsText, Consumer<String> warnings) {
        ConfigLocations locations = new ConfigLocations(Path.of("config"), Path.of("credentials"), Path.of("cache"));
        return new ProfileFiles(
                locations,
                ProfileFileParser.parse(configText, FileKind.CONFIG, "config", warnings),
                ProfileFileParser.parse(credentialsText, FileKind.CREDENTIALS, "credentials", warnings));
    }

    private static ProfileSections read(Path file, FileKind kind, Consumer<String> warnings) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return ProfileSections.empty();
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new CredentialException(
                        "cannot read " + file + ": it is a directory; move it away, or point "
                                + (kind == FileKind.CONFIG ? "AWS_CONFIG_FILE" : "AWS_SHARED_CREDENTIALS_FILE")
                                + " at the file",
                        e);
            }
            throw new CredentialException(
                    "cannot read " + file + " (" + dev.rolehop.creds.cache.FileProblems.describe(e)
                            + "); check that the file is readable",
                    e);
        }
        return ProfileFileParser.parse(text, kind, file.toString(), warnings);
    }

    /** Where the files are. */
    public ConfigLocations locations() {
        return locations;
    }

    /** The profile called {@code name}, when either file defines it. */
    public Optional<Profile> profile(String name) {
        Map<String, String> properties = merged.profiles().get(name);
        if (properties == null) {
            return Optional.empty();
        }
        return Optional.of(new Profile(name, properties, credentials.profiles().getOrDefault(name, Map.of())));
    }

    /** The names of all profiles, config file order first, then those only in the credentials file. */
    public List<String> profileNames() {
        return new ArrayList<>(merged.profiles().keySet());
    }

    /** The properties of the {@code [services name]} section, when defined. */
    public Optional<Map<String, String>> services(String name) {
        return Optional.ofNullable(merged.services().get(name));
    }

    /** The properties of the {@code [sso-session name]} section, when defined. */
    public Optional<Map<String, String>> ssoSession(String name) {
        return Optional.ofNullable(merged.ssoSessions().get(name));
    }

    /** The names of the {@code [sso-session name]} sections. */
    public List<String> ssoSessionNames() {
        return new ArrayList<>(merged.ssoSessions().keySet());
    }

    /** Both files merged, as the shared test vectors describe them. */
    public ProfileSections sections() {
        return merged;
    }
}
