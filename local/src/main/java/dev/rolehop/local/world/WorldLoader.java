package dev.rolehop.local.world;

import dev.rolehop.local.policy.PolicyDocument;
import dev.rolehop.local.policy.PolicyParser;
import dev.rolehop.local.text.Printable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * Reads a world file (YAML, format in docs/local.md) into a validated {@link World}.
 *
 * <p>Unknown keys, duplicates and bad values are rejected with {@code file:line:column} and the
 * reason; nothing is defaulted silently except what the format documents (regions, durations).
 */
public final class WorldLoader {

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ALIAS = Pattern.compile("[a-z0-9](?:[a-z0-9-]{1,61})[a-z0-9]");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-gov)?-[a-z]+-\\d");
    private static final Pattern IAM_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    private static final Pattern ACCESS_KEY_ID = Pattern.compile("AKIA[A-Z0-9]{12,124}");
    private static final Pattern SECRET = Pattern.compile("\\S{16,128}");
    private static final Pattern BASE32 = Pattern.compile("[A-Za-z2-7 ]{16,}=*");
    private static final Pattern INSTANCE_ID = Pattern.compile("i-[0-9a-f]{8,17}");
    private static final Pattern PRIVATE_IP =
            Pattern.compile("172\\.31\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final int MAX_TAGS = 50;
    private static final int MAX_TAG_KEY = 128;
    private static final int MAX_TAG_VALUE = 256;
    private static final Pattern STATE = Pattern.compile("pending|running|stopping|stopped|shutting-down|terminated");

    private WorldLoader() {}

    /** Loads a world file. */
    public static World load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new WorldException(file + ": no such world file (create one with 'rolehop local init DIR')");
        } catch (IOException e) {
            throw new WorldException(file + ": cannot read the world file: " + e.getMessage(), e);
        }
        return parse(text, file.toString());
    }

    /** Parses world YAML text; {@code fileName} is used in error messages. */
    public static World parse(String text, String fileName) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(text));
        } catch (MarkedYAMLException e) {
            throw new WorldException(fileName + ":" + (e.getProblemMark().getLine() + 1) + ":"
                    + (e.getProblemMark().getColumn() + 1) + ": not valid YAML: " + Printable.line(e.getProblem()));
        } catch (ReaderException e) {
            // A character YAML does not allow in a file at all (a raw control character).
            throw new WorldException(fileName + ":" + lineColumn(text, e.getPosition()) + ": not valid YAML: the "
                    + String.format("character U+%04X", e.getCodePoint())
                    + " is not allowed in a YAML file; remove it");
        } catch (YAMLException e) {
            throw new WorldException(fileName + ": not valid YAML: " + Printable.line(e.getMessage()));
        }
        if (root == null) {
            throw new WorldException(fileName + ": the world file is empty (it needs 'accounts:')");
        }
        YamlMap top =
                new YamlMap(fileName, root, "the world file", Set.of("accounts", "identity_center", "images", "ec2"));
        List<Account> accounts = new ArrayList<>();
        List<OidcProvider> oidcProviders = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Node n : top.list("accounts")) {
            Account a = account(fileName, n, seen, oidcProviders);
            accounts.add(a);
        }
        if (accounts.isEmpty()) {
            throw top.error(top.self(), "'accounts' must list at least one account");
        }
        List<SeedImage> images = ImageLoader.images(fileName, top, accounts, seen);
        InstanceTiming timing = ImageLoader.timing(fileName, top);
        Node center = top.node("identity_center");
        if (center != null) {
            IdentityCenter identityCenter = IdentityCenterLoader.load(fileName, center, accounts);
            return new World(
                    IdentityCenterLoader.withProvisionedRoles(accounts, identityCenter),
                    oidcProviders,
                    identityCenter,
                    images,
                    timing);
        }
        return new World(accounts, oidcProviders, null, images, timing);
    }

    /** "line:column" (1-based) of a code point index in text. */
    private static String lineColumn(String text, int codePointIndex) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < codePointIndex; i = text.offsetByCodePoints(i, 1), seen++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return line + ":" + column;
    }

    private static Account account(String file, Node node, Set<String> seen, List<OidcProvider> oidcProviders) {
        YamlMap m = new YamlMap(
                file,
                node,
                "an account",
                Set.of("id", "alias", "regions", "users", "roles", "instances", "oidc_providers"));
        String id = m.string("id", ACCOUNT_ID, "an account id is 12 digits; quote it (\"111111111111\")");
        unique(m, seen, "account:" + id, m.node("id"), "account id " + id);
        String alias =
                m.optionalString("alias", ALIAS, "an account alias is 3-63 lower-case letters, digits and hyphens");
        List<String> regions = new ArrayList<>();
        for (Node r : m.list("regions")) {
            String region = m.scalarText(r, "a region");
            if (!REGION.matcher(region).matches()) {
                throw m.error(r, "'" + Printable.line(region) + "' is not a region name (like us-east-1)");
            }
            regions.add(region);
        }
        if (regions.isEmpty()) {
            regions.add("us-east-1");
        }
        List<User> users = new ArrayList<>();
        for (Node u : m.list("users")) {
            users.add(user(file, u, id, seen));
        }
        List<Role> roles = new ArrayList<>();
        for (Node r : m.list("roles")) {
            roles.add(role(file, r, id, seen));
        }
        List<SeedInstance> instances = new ArrayList<>();
        for (Node i : m.list("instances")) {
            instances.add(instance(file, i, regions, seen));
        }
        for (Node p : m.list("oidc_providers")) {
            oidcProviders.add(OidcProviderReader.read(file, p, id, seen));
        }
        return new Account(id, alias, regions, users, roles, instances);
    }

    private static User user(String file, Node node, String accountId, Set<String> seen) {
        YamlMap m = new YamlMap(file, node, "a user", Set.of("name", "access_keys", "mfa_devices", "policies"));
        String name = m.string("name", IAM_NAME, "IAM names are 1-64 of letters, digits and +=,.@_-");
        unique(m, seen, "user:" + accountId + ":" + name, m.node("name"), "user " + name);
        List<AccessKey> keys = new ArrayList<>();
        for (Node k : m.list("access_keys")) {
            YamlMap km = new YamlMap(file, k, "an access key", Set.of("id", "secret"));
            String keyId = km.string(
                    "id",
                    ACCESS_KEY_ID,
                    "an access key id is AKIA followed by " + "at least 12 upper-case letters or digits");
            unique(km, seen, "key:" + keyId, km.node("id"), "access key " + keyId);
            keys.add(new AccessKey(
                    keyId,
                    km.secret("secret", SECRET, "a secret access key is 16-128 " + "characters without spaces")));
        }
        List<MfaDevice> devices = new ArrayList<>();
        for (Node d : m.list("mfa_devices")) {
            YamlMap dm = new YamlMap(file, d, "an MFA device", Set.of("serial", "seed"));
            String serial = dm.string(
                    "serial",
                    Pattern.compile("arn:aws:iam::" + accountId + ":mfa/[\\w+=,.@/-]{1,512}"),
                    "a virtual MFA serial is arn:aws:iam::" + accountId + ":mfa/NAME in the user's account");
            unique(dm, seen, "mfa:" + serial, dm.node("serial"), "MFA device " + serial);
            String seed = dm.secret("seed", BASE32, "a seed is at least 16 base32 characters (A-Z, 2-7)");
            if (Base32.decode(seed).length < 10) {
                throw dm.error(dm.node("seed"), "'seed' must be at least 16 base32 characters (80 bits)");
            }
            devices.add(new MfaDevice(serial, seed));
        }
        return new User(name, accountId, keys, devices, policies(file, m));
    }

    private static Role role(String file, Node node, String accountId, Set<String> seen) {
        YamlMap m =
                new YamlMap(file, node, "a role", Set.of("name", "trust_policy", "max_session_duration", "policies"));
        String name = m.string("name", IAM_NAME, "IAM names are 1-64 of letters, digits and +=,.@_-");
        unique(m, seen, "role:" + accountId + ":" + name, m.node("name"), "role " + name);
        Node trust = m.node("trust_policy");
        if (trust == null) {
            throw m.error(m.self(), "missing required key 'trust_policy' (who may assume the role)");
        }
        int max = m.integer("max_session_duration", 3600, 43200, Role.DEFAULT_MAX_SESSION_DURATION);
        return new Role(name, accountId, document(m, trust, true), max, policies(file, m));
    }

    static List<Policy> policies(String file, YamlMap owner) {
        List<Policy> out = new ArrayList<>();
        for (Node p : owner.list("policies")) {
            YamlMap pm = new YamlMap(file, p, "a policy", Set.of("name", "document"));
            String name = pm.string(
                    "name",
                    Pattern.compile("[\\w+=,.@-]{1,128}"),
                    "policy names are 1-128 " + "of letters, digits and +=,.@_-");
            Node doc = pm.node("document");
            if (doc == null) {
                throw pm.error(pm.self(), "missing required key 'document' (an IAM policy document)");
            }
            out.add(new Policy(name, document(pm, doc, false)));
        }
        return out;
    }

    private static PolicyDocument document(YamlMap owner, Node doc, boolean trust) {
        try {
            return PolicyParser.parse(owner.plain(doc), trust);
        } catch (WorldException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw owner.error(doc, (trust ? "trust policy: " : "policy document: ") + Printable.line(e.getMessage()));
        } catch (RuntimeException e) {
            throw owner.error(doc, (trust ? "trust policy" : "policy document") + " is not valid JSON or YAML");
        }
    }

    private static SeedInstance instance(String file, Node node, List<String> regions, Set<String> seen) {
        YamlMap m = new YamlMap(
                file,
                node,
                "an instance",
                Set.of("id", "region", "instance_type", "state", "image_id", "private_ip", "tags"));
        String id = m.string("id", INSTANCE_ID, "an instance id is i- followed by 8 or 17 hex digits");
        unique(m, seen, "instance:" + id, m.node("id"), "instance " + id);
        String region = m.optionalString("region", REGION, "a region name like us-east-1");
        region = region == null ? regions.get(0) : region;
        if (!regions.contains(region)) {
            throw m.error(
                    m.node("region"),
                    "region '" + region + "' is not one of the account's regions " + regions
                            + " (add it to the account's 'regions')");
        }
        String type = m.optionalString(
                "instance_type", Pattern.compile("[a-z0-9-]+\\.[a-z0-9]+"), "an instance type like t3.micro");
        String state =
                m.optionalString("state", STATE, "one of " + STATE.pattern().replace("|", ", "));
        String image = m.optionalString("image_id", Pattern.compile("ami-[0-9a-f]{8,17}"), "ami- and hex digits");
        String ip = m.optionalString("private_ip", PRIVATE_IP, "an address in the default VPC's 172.31.0.0/16");
        return new SeedInstance(
                id,
                region,
                type == null ? "t3.micro" : type,
                state == null ? "running" : state,
                image == null ? "ami-0123456789abcdef0" : image,
                ip,
                tags(m));
    }

    /** Seeded tags, within EC2's limits: keys 1-128 characters not starting with aws:, values up to 256, 50 at most. */
    private static Map<String, String> tags(YamlMap m) {
        Map<String, String> tags = m.stringMap("tags");
        Node at = m.node("tags");
        if (tags.size() > MAX_TAGS) {
            throw m.error(at, "'tags' has " + tags.size() + " tags; EC2 allows " + MAX_TAGS + " per resource");
        }
        for (Map.Entry<String, String> t : tags.entrySet()) {
            String key = t.getKey();
            if (key.isEmpty() || key.codePointCount(0, key.length()) > MAX_TAG_KEY) {
                throw m.error(at, "tag key '" + Printable.line(key) + "' is not 1-" + MAX_TAG_KEY + " characters long");
            }
            if (key.regionMatches(true, 0, "aws:", 0, 4)) {
                throw m.error(at, "tag key '" + Printable.line(key) + "': keys starting with aws: are AWS's own");
            }
            String value = t.getValue();
            if (value.codePointCount(0, value.length()) > MAX_TAG_VALUE) {
                throw m.error(
                        at,
                        "the value of tag '" + Printable.line(key) + "' is longer than " + MAX_TAG_VALUE
                                + " characters");
            }
        }
        return tags;
    }

    private static void unique(YamlMap m, Set<String> seen, String key, Node at, String what) {
        if (!seen.add(key)) {
            throw m.error(at, what + " is defined twice");
        }
    }
}
