package dev.rolehop.local.iam;

import dev.rolehop.local.policy.PolicyJson;
import dev.rolehop.local.state.IamRole;
import dev.rolehop.local.state.IamState;
import dev.rolehop.local.state.IamUser;
import dev.rolehop.local.state.PolicyHolder;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.world.Policy;
import dev.rolehop.local.world.Role;
import dev.rolehop.local.world.User;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The roles and users of the caller's account as IAM answers them: the world file's (shown as
 * created at {@link IamRequest#WORLD_CREATE_DATE}, read-only here) first, then the created ones.
 */
final class AccountEntities {

    private final IamRequest request;
    private final IamState iam;

    AccountEntities(IamRequest request, IamState iam) {
        this.request = request;
        this.iam = iam;
    }

    /** Every role, world ones first. */
    List<IamRole> roles() {
        List<IamRole> out = new ArrayList<>();
        request.account().roles().forEach(r -> out.add(view(r)));
        out.addAll(iam.all(IamRole.class, request.accountId()));
        return out;
    }

    /** The role of this name, or NoSuchEntity. */
    IamRole role(String name) {
        Optional<IamRole> fixed = request.account().role(name).map(AccountEntities::view);
        return fixed.or(() -> iam.get(IamRole.class, IamRole.key(request.accountId(), name)))
                .orElseThrow(
                        () -> AwsErrorCode.NO_SUCH_ENTITY.error("The role with name " + name + " cannot be found."));
    }

    /** The created role of this name, or NoSuchEntity, or UnmodifiableEntity for a world role. */
    IamRole createdRole(String name) {
        IamRole role = role(name);
        if (request.account().role(name).isPresent()) {
            throw worldEntity("role", name);
        }
        return role;
    }

    /** Whether a role or user of this name exists already (world or created). */
    boolean roleExists(String name) {
        return request.account().role(name).isPresent()
                || iam.get(IamRole.class, IamRole.key(request.accountId(), name))
                        .isPresent();
    }

    /** Every user, world ones first. */
    List<IamUser> users() {
        List<IamUser> out = new ArrayList<>();
        request.account().users().forEach(u -> out.add(view(u)));
        out.addAll(iam.all(IamUser.class, request.accountId()));
        return out;
    }

    /** The user of this name, or NoSuchEntity. */
    IamUser user(String name) {
        Optional<IamUser> fixed = request.account().user(name).map(AccountEntities::view);
        return fixed.or(() -> iam.get(IamUser.class, IamUser.key(request.accountId(), name)))
                .orElseThrow(
                        () -> AwsErrorCode.NO_SUCH_ENTITY.error("The user with name " + name + " cannot be found."));
    }

    /** The created user of this name, or NoSuchEntity, or UnmodifiableEntity for a world user. */
    IamUser createdUser(String name) {
        IamUser user = user(name);
        if (request.account().user(name).isPresent()) {
            throw worldEntity("user", name);
        }
        return user;
    }

    /** Whether a user of this name exists already (world or created). */
    boolean userExists(String name) {
        return request.account().user(name).isPresent()
                || iam.get(IamUser.class, IamUser.key(request.accountId(), name))
                        .isPresent();
    }

    /** The role or user ({@code kind} "Role" or "User") of this name, or NoSuchEntity. */
    PolicyHolder holder(String kind, String name) {
        return kind.equals("Role") ? role(name) : user(name);
    }

    /** The created role or user of this name, or NoSuchEntity, or UnmodifiableEntity for a world one. */
    PolicyHolder createdHolder(String kind, String name) {
        return kind.equals("Role") ? createdRole(name) : createdUser(name);
    }

    private static dev.rolehop.local.wire.AwsException worldEntity(String type, String name) {
        // IAM's answer for the roles only AWS may change; here the world file owns them.
        return AwsErrorCode.UNMODIFIABLE_ENTITY.error("Cannot perform the operation on the protected " + type + " '"
                + name + "' - this " + type + " is only modifiable in the rolehop local world file");
    }

    private static IamRole view(Role r) {
        return new IamRole(
                r.accountId(),
                r.name(),
                r.path(),
                null,
                PolicyJson.write(r.trustPolicy()),
                r.maxSessionDuration(),
                IamRequest.WORLD_CREATE_DATE,
                inline(r.policies()),
                List.of(),
                Map.of());
    }

    private static IamUser view(User u) {
        return new IamUser(
                u.accountId(),
                u.name(),
                u.path(),
                IamRequest.WORLD_CREATE_DATE,
                inline(u.policies()),
                List.of(),
                Map.of());
    }

    private static Map<String, String> inline(List<Policy> policies) {
        Map<String, String> out = new LinkedHashMap<>();
        policies.forEach(p -> out.put(p.name(), PolicyJson.write(p.document())));
        return out;
    }
}
