package dev.rolehop.local.world;

import dev.rolehop.local.policy.PolicyParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a world file's {@code identity_center} (format in docs/local.md) and adds to each account
 * the roles its permission sets make there, as Identity Center provisions them.
 */
final class IdentityCenterLoader {

    private static final Pattern START_URL = Pattern.compile("https?://[^\\s]+");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(?:-gov)?-[a-z]+-\\d");
    private static final Pattern USER_NAME = Pattern.compile("[\\w+=,.@-]{1,128}");
    private static final Pattern PERMISSION_SET = Pattern.compile("[\\w+=,.@-]{1,32}");

    private IdentityCenterLoader() {}

    /** The instance described at {@code node}, checked against the accounts the world defines. */
    static IdentityCenter load(String file, Node node, List<Account> accounts) {
        YamlMap m = new YamlMap(
                file,
                node,
                "identity_center",
                Set.of("start_url", "region", "users", "permission_sets", "assignments"));
        String startUrl =
                m.string("start_url", START_URL, "the access portal URL, like https://NAME.awsapps.com/start");
        String region = m.string("region", REGION, "a region name like us-east-1");
        List<String> users = new ArrayList<>();
        for (Node u : m.list("users")) {
            YamlMap um = new YamlMap(file, u, "an Identity Center user", Set.of("name"));
            String name = um.string("name", USER_NAME, "user names are 1-128 of letters, digits and +=,.@_-");
            if (users.contains(name)) {
                throw um.error(um.node("name"), "user " + name + " is defined twice");
            }
            users.add(name);
        }
        Map<String, IdentityCenter.PermissionSet> sets = new LinkedHashMap<>();
        for (Node p : m.list("permission_sets")) {
            YamlMap pm = new YamlMap(file, p, "a permission set", Set.of("name", "session_duration", "policies"));
            String name = pm.string("name", PERMISSION_SET, "names are 1-32 of letters, digits and +=,.@_-");
            if (sets.containsKey(name)) {
                throw pm.error(pm.node("name"), "permission set " + name + " is defined twice");
            }
            sets.put(
                    name,
                    new IdentityCenter.PermissionSet(
                            name, pm.integer("session_duration", 900, 43200, 3600), WorldLoader.policies(file, pm)));
        }
        Set<String> accountIds = new HashSet<>();
        accounts.forEach(a -> accountIds.add(a.id()));
        List<IdentityCenter.Assignment> assignments = new ArrayList<>();
        for (Node a : m.list("assignments")) {
            YamlMap am = new YamlMap(file, a, "an assignment", Set.of("user", "account", "permission_set"));
            String user = am.string("user", null, null);
            String account = am.string("account", null, null);
            String set = am.string("permission_set", null, null);
            if (!users.contains(user)) {
                throw am.error(am.node("user"), "no Identity Center user '" + user + "' (users: " + users + ")");
            }
            if (!accountIds.contains(account)) {
                throw am.error(am.node("account"), "no account '" + account + "' in the world (quote the 12 digits)");
            }
            if (!sets.containsKey(set)) {
                throw am.error(
                        am.node("permission_set"),
                        "no permission set '" + set + "' (permission sets: " + sets.keySet() + ")");
            }
            IdentityCenter.Assignment assignment = new IdentityCenter.Assignment(user, account, set);
            if (assignments.contains(assignment)) {
                throw am.error(am.self(), "this assignment is listed twice");
            }
            assignments.add(assignment);
        }
        return new IdentityCenter(startUrl, region, users, List.copyOf(sets.values()), assignments);
    }

    /**
     * The accounts with, in each, one role per permission set assigned there: named
     * {@link IdentityCenter#roleName}, with the permission set's policies and session duration, and
     * trusting only the account's Identity Center SAML provider (no one assumes it with AssumeRole).
     */
    static List<Account> withProvisionedRoles(List<Account> accounts, IdentityCenter center) {
        List<Account> out = new ArrayList<>();
        for (Account account : accounts) {
            List<Role> roles = new ArrayList<>(account.roles());
            center.assignments().stream()
                    .filter(a -> a.accountId().equals(account.id()))
                    .map(IdentityCenter.Assignment::permissionSet)
                    .distinct()
                    .forEach(name -> roles.add(provisioned(account.id(), center, name)));
            out.add(new Account(
                    account.id(), account.alias(), account.regions(), account.users(), roles, account.instances()));
        }
        return out;
    }

    private static Role provisioned(String accountId, IdentityCenter center, String permissionSet) {
        IdentityCenter.PermissionSet set = center.permissionSet(permissionSet).orElseThrow();
        String provider = "arn:aws:iam::" + accountId + ":saml-provider/AWSSSO_" + center.roleSuffix(permissionSet)
                + "_DO_NOT_DELETE";
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Federated", provider));
        statement.put("Action", List.of("sts:AssumeRoleWithSAML", "sts:TagSession"));
        Map<String, Object> trust = new LinkedHashMap<>();
        trust.put("Version", "2012-10-17");
        trust.put("Statement", List.of(statement));
        return new Role(
                center.roleName(permissionSet),
                accountId,
                PolicyParser.parse(trust, true),
                Math.max(set.sessionDuration(), Role.DEFAULT_MAX_SESSION_DURATION),
                set.policies());
    }
}
