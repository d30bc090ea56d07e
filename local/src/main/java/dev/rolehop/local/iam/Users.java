package dev.rolehop.local.iam;

import dev.rolehop.local.state.IamAccessKey;
import dev.rolehop.local.state.IamUser;
import dev.rolehop.local.state.VirtualMfaDevice;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Ids;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** IAM's user actions: CreateUser, GetUser (the caller when no name is given), ListUsers, DeleteUser. */
final class Users {

    private final WorldState state;

    Users(WorldState state) {
        this.state = state;
    }

    String create(IamRequest r) {
        String name = r.name("UserName", 64);
        String path = r.path("Path");
        Map<String, String> tags = Tags.merged(Map.of(), Tags.read(r.params()));
        r.authorize("iam:CreateUser", r.arn("user", path, name));
        IamUser user = state.changeIam(iam -> {
            if (new AccountEntities(r, iam).userExists(name)) {
                throw AwsErrorCode.ENTITY_ALREADY_EXISTS.error("User with name " + name + " already exists.");
            }
            IamUser created = new IamUser(
                    r.accountId(), name, path, r.now().truncatedTo(ChronoUnit.SECONDS), Map.of(), List.of(), tags);
            iam.put(created);
            return created;
        });
        XmlWriter xml = r.start();
        write(xml.open("User"), user);
        return r.end(xml.close("User"));
    }

    String get(IamRequest r) {
        IamUser user = state.readIam(iam -> new AccountEntities(r, iam).user(named(r)));
        r.authorize("iam:GetUser", user.arn());
        XmlWriter xml = r.start();
        write(xml.open("User"), user);
        return r.end(xml.close("User"));
    }

    String list(IamRequest r) {
        String prefix = r.path("PathPrefix");
        r.authorize("iam:ListUsers", r.arn("user", prefix, ""));
        List<IamUser> users = state.readIam(iam -> new AccountEntities(r, iam).users()).stream()
                .filter(u -> u.path().startsWith(prefix))
                .toList();
        Page<IamUser> page = Page.of(users, r.params());
        XmlWriter xml = r.start().open("Users");
        page.items().forEach(u -> write(xml.open("member"), u).close("member"));
        xml.close("Users");
        page.close(xml);
        return r.end(xml);
    }

    String delete(IamRequest r) {
        String name = r.name("UserName", 64);
        state.changeIam(iam -> {
            AccountEntities entities = new AccountEntities(r, iam);
            r.authorize("iam:DeleteUser", entities.user(name).arn());
            IamUser user = entities.createdUser(name);
            if (iam.all(IamAccessKey.class, r.accountId()).stream()
                    .anyMatch(k -> k.userName().equalsIgnoreCase(user.name()))) {
                throw AwsErrorCode.DELETE_CONFLICT.error("Cannot delete entity, must delete access keys first.");
            }
            if (iam.all(VirtualMfaDevice.class, r.accountId()).stream()
                    .anyMatch(d -> user.name().equalsIgnoreCase(d.userName()))) {
                throw AwsErrorCode.DELETE_CONFLICT.error("Cannot delete entity, must delete MFA device first.");
            }
            if (!user.inlinePolicies().isEmpty()) {
                throw AwsErrorCode.DELETE_CONFLICT.error("Cannot delete entity, must delete policies first.");
            }
            if (!user.attachedPolicies().isEmpty()) {
                throw AwsErrorCode.DELETE_CONFLICT.error("Cannot delete entity, must detach all policies first.");
            }
            iam.remove(user.key());
            return user;
        });
        return r.empty();
    }

    /**
     * GetLoginProfile: rolehop local has no console passwords, so no user has a login profile
     * (tools ask before deleting a user).
     */
    String loginProfile(IamRequest r) {
        String name = r.name("UserName", 64);
        IamUser user = state.readIam(iam -> new AccountEntities(r, iam).user(name));
        r.authorize("iam:GetLoginProfile", user.arn());
        throw AwsErrorCode.NO_SUCH_ENTITY.error("Login Profile for User " + user.name() + " cannot be found.");
    }

    /**
     * The user a call names in {@code UserName}, or the calling user when it names none.
     *
     * @throws dev.rolehop.local.wire.AwsException ValidationError for a caller that is not a user
     */
    static String named(IamRequest r) {
        if (r.params().get("UserName").isPresent()) {
            return r.name("UserName", 128);
        }
        if (r.call().caller().user() == null) {
            throw AwsErrorCode.VALIDATION_ERROR.error("Must specify userName when calling with non-User credentials");
        }
        return r.call().caller().user().name();
    }

    /** Writes a user's fields (also inside ListVirtualMFADevices' {@code User}). */
    static XmlWriter write(XmlWriter xml, IamUser user) {
        xml.element("Path", user.path())
                .element("UserName", user.name())
                .element("UserId", Ids.stable("AIDA", user.arn()))
                .element("Arn", user.arn())
                .element("CreateDate", user.createDate());
        Tags.write(xml, user.tags(), false);
        return xml;
    }
}
