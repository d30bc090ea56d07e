package dev.rolehop.local.state;

import dev.rolehop.local.policy.PolicyDocument;
import dev.rolehop.local.policy.PolicyParser;
import dev.rolehop.local.world.AccessKey;
import dev.rolehop.local.world.MfaDevice;
import dev.rolehop.local.world.Policy;
import dev.rolehop.local.world.Role;
import dev.rolehop.local.world.User;
import dev.rolehop.local.world.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the roles and users that sign, assume and are authorized: the world file's, then those
 * created through IAM (whose names cannot clash with the world's). A created entity is answered
 * as the world's types, with its policies in force: inline ones, then the default version of each
 * attached managed policy; a created user's active keys and enabled MFA devices.
 */
public final class IamDirectory {

    private final World world;
    private final WorldState state;

    /** A directory over a world and the state holding the created entities. */
    public IamDirectory(World world, WorldState state) {
        this.world = world;
        this.state = state;
    }

    /** The role of this name in an account (IAM names are unique without regard to case). */
    public Optional<Role> role(String accountId, String name) {
        Optional<Role> fixed = world.account(accountId).flatMap(a -> a.role(name));
        if (fixed.isPresent()) {
            return fixed;
        }
        return state.readIam(
                iam -> iam.get(IamRole.class, IamRole.key(accountId, name)).map(r -> role(r, iam)));
    }

    /** The role with this ARN ({@code arn:aws:iam::ACCOUNT:role/PATH/NAME}). */
    public Optional<Role> roleByArn(String arn) {
        Optional<Role> fixed = world.roleByArn(arn);
        if (fixed.isPresent() || !arn.startsWith("arn:aws:iam::") || arn.length() < 26) {
            return fixed;
        }
        String accountId = arn.substring(13, 25);
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        return role(accountId, name).filter(r -> r.arn().equals(arn));
    }

    /** The user of this name in an account. */
    public Optional<User> user(String accountId, String name) {
        Optional<User> fixed = world.account(accountId).flatMap(a -> a.user(name));
        if (fixed.isPresent()) {
            return fixed;
        }
        return state.readIam(
                iam -> iam.get(IamUser.class, IamUser.key(accountId, name)).map(u -> user(u, iam)));
    }

    /** The user owning an active long-term access key, with the key among its {@link User#accessKeys}. */
    public Optional<User> userByAccessKey(String accessKeyId) {
        Optional<User> fixed = world.userByAccessKey(accessKeyId);
        if (fixed.isPresent()) {
            return fixed;
        }
        return state.readIam(iam -> iam.get(IamAccessKey.class, IamAccessKey.key(accessKeyId))
                .filter(IamAccessKey::active)
                .flatMap(k -> iam.get(IamUser.class, IamUser.key(k.accountId(), k.userName())))
                .map(u -> user(u, iam)));
    }

    /**
     * The documents of a session's policies: the inline one, then each managed policy's default
     * version (a managed policy deleted since grants nothing).
     */
    public List<PolicyDocument> sessionPolicies(String accountId, SessionPolicies policies) {
        List<PolicyDocument> out = new ArrayList<>();
        if (policies.inline() != null) {
            out.add(document(policies.inline()));
        }
        state.readIam(iam -> policies(Map.of(), policies.managedArns(), accountId, iam))
                .forEach(p -> out.add(p.document()));
        return out;
    }

    private static Role role(IamRole r, IamState iam) {
        return new Role(
                r.name(),
                r.accountId(),
                PolicyParser.parse(r.trustPolicy(), true),
                r.maxSessionDuration(),
                policies(r.inlinePolicies(), r.attachedPolicies(), r.accountId(), iam),
                r.path());
    }

    private static User user(IamUser u, IamState iam) {
        List<AccessKey> keys = iam.all(IamAccessKey.class, u.accountId()).stream()
                .filter(k -> k.active() && k.userName().equalsIgnoreCase(u.name()))
                .map(k -> new AccessKey(k.id(), k.secret()))
                .toList();
        List<MfaDevice> devices = iam.all(VirtualMfaDevice.class, u.accountId()).stream()
                .filter(d -> u.name().equalsIgnoreCase(d.userName()))
                .map(d -> new MfaDevice(d.serial(), d.seed()))
                .toList();
        return new User(
                u.name(),
                u.accountId(),
                keys,
                devices,
                policies(u.inlinePolicies(), u.attachedPolicies(), u.accountId(), iam),
                u.path());
    }

    private static List<Policy> policies(
            Map<String, String> inline, List<String> attached, String accountId, IamState iam) {
        List<Policy> out = new ArrayList<>();
        inline.forEach((name, text) -> out.add(new Policy(name, document(text))));
        for (String arn : attached) {
            iam.all(ManagedPolicy.class, accountId).stream()
                    .filter(p -> p.arn().equals(arn))
                    .findFirst()
                    .ifPresent(p -> out.add(
                            new Policy(p.name(), document(p.defaultDocument().document()))));
        }
        return out;
    }

    /** A stored permission policy (checked when it was stored). */
    private static PolicyDocument document(String text) {
        return PolicyParser.parse(text, false);
    }
}
