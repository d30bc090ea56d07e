package dev.rolehop.local.world;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An IAM Identity Center instance of the world: its AWS access portal (start URL and region), its
 * users, its permission sets and which user reaches which account with which permission set.
 *
 * @param startUrl the access portal URL clients sign in to (their {@code sso_start_url})
 * @param region the instance's region (their {@code sso_region})
 * @param users the user names
 */
public record IdentityCenter(
        String startUrl,
        String region,
        List<String> users,
        List<PermissionSet> permissionSets,
        List<Assignment> assignments) {

    public IdentityCenter {
        Objects.requireNonNull(startUrl, "startUrl");
        Objects.requireNonNull(region, "region");
        users = List.copyOf(users);
        permissionSets = List.copyOf(permissionSets);
        assignments = List.copyOf(assignments);
    }

    /**
     * A permission set: the policies of the role it makes in each account it is assigned in.
     *
     * @param sessionDuration seconds the role credentials it hands out last (PT1H by default)
     */
    public record PermissionSet(String name, int sessionDuration, List<Policy> policies) {
        public PermissionSet {
            Objects.requireNonNull(name, "name");
            policies = List.copyOf(policies);
        }
    }

    /** A user reaching an account with a permission set. */
    public record Assignment(String user, String accountId, String permissionSet) {
        public Assignment {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(permissionSet, "permissionSet");
        }
    }

    /** The permission set of this name. */
    public Optional<PermissionSet> permissionSet(String name) {
        return permissionSets.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The assignments of a user, in the world file's order. */
    public List<Assignment> assignmentsOf(String user) {
        return assignments.stream().filter(a -> a.user().equals(user)).toList();
    }

    /**
     * The role a permission set makes in the accounts it is assigned in, named as Identity Center
     * names it: {@code AWSReservedSSO_<PermissionSet>_<16 hex digits>} (here a hash of the start URL
     * and the permission set, so the name stays the same across restarts).
     */
    public String roleName(String permissionSet) {
        return "AWSReservedSSO_" + permissionSet + "_" + roleSuffix(permissionSet);
    }

    /** The 16 hex digits ending a permission set's role name, which also name its SAML provider. */
    String roleSuffix(String permissionSet) {
        return Ids.stableHex("", startUrl + "\n" + permissionSet).substring(0, 16);
    }
}
