package dev.rolehop.local.iam;

import dev.rolehop.local.state.IamAccessKey;
import dev.rolehop.local.state.IamUser;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.Validation;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Ids;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.regex.Pattern;

/**
 * IAM's access key actions for created users: CreateAccessKey (the secret is answered once, and
 * kept only to check signatures), ListAccessKeys, UpdateAccessKey, DeleteAccessKey. A user has
 * at most two keys; an active key signs requests at once.
 */
final class AccessKeys {

    static final int MOST_PER_USER = 2;
    private static final Pattern KEY_ID = Pattern.compile("[\\w]+");

    private final WorldState state;

    AccessKeys(WorldState state) {
        this.state = state;
    }

    String create(IamRequest r) {
        String name = Users.named(r);
        IamAccessKey key = state.changeIam(iam -> {
            AccountEntities entities = new AccountEntities(r, iam);
            r.authorize("iam:CreateAccessKey", entities.user(name).arn());
            IamUser user = entities.createdUser(name);
            if (keys(iam, r, user).size() >= MOST_PER_USER) {
                throw AwsErrorCode.LIMIT_EXCEEDED.error("Cannot exceed quota for AccessKeysPerUser: " + MOST_PER_USER);
            }
            IamAccessKey created = new IamAccessKey(
                    Ids.randomUpper("AKIA", 16),
                    Ids.randomSecret(30),
                    r.accountId(),
                    user.name(),
                    true,
                    r.now().truncatedTo(ChronoUnit.SECONDS));
            iam.put(created);
            return created;
        });
        XmlWriter xml = r.start().open("AccessKey");
        xml.element("UserName", key.userName())
                .element("AccessKeyId", key.id())
                .element("Status", key.status())
                .element("SecretAccessKey", key.secret())
                .element("CreateDate", key.createDate())
                .close("AccessKey");
        return r.end(xml);
    }

    String list(IamRequest r) {
        String name = Users.named(r);
        List<IamAccessKey> keys = state.readIam(iam -> {
            IamUser user = new AccountEntities(r, iam).user(name);
            r.authorize("iam:ListAccessKeys", user.arn());
            return r.account()
                    .user(name)
                    .map(fixed -> fixed.accessKeys().stream()
                            .map(k -> new IamAccessKey(
                                    k.id(),
                                    k.secret(),
                                    r.accountId(),
                                    fixed.name(),
                                    true,
                                    IamRequest.WORLD_CREATE_DATE))
                            .toList())
                    .orElseGet(() -> keys(iam, r, user));
        });
        XmlWriter xml = r.start().open("AccessKeyMetadata");
        for (IamAccessKey k : keys) {
            xml.open("member")
                    .element("UserName", k.userName())
                    .element("AccessKeyId", k.id())
                    .element("Status", k.status())
                    .element("CreateDate", k.createDate())
                    .close("member");
        }
        return r.end(xml.close("AccessKeyMetadata").element("IsTruncated", false));
    }

    String update(IamRequest r) {
        String name = Users.named(r);
        String id = keyId(r);
        String status = r.params().get("Status").orElse(null);
        if (!"Active".equals(status) && !"Inactive".equals(status)) {
            throw Validation.error(status, "status", "Member must satisfy enum value set: [Active, Inactive, Expired]");
        }
        state.changeIam(iam -> {
            IamAccessKey key = owned(iam, r, name, id, "iam:UpdateAccessKey");
            iam.put(key.withActive("Active".equals(status)));
            return key;
        });
        return r.empty();
    }

    String delete(IamRequest r) {
        String name = Users.named(r);
        String id = keyId(r);
        state.changeIam(iam -> {
            iam.remove(owned(iam, r, name, id, "iam:DeleteAccessKey").key());
            return id;
        });
        return r.empty();
    }

    private static String keyId(IamRequest r) {
        return Validation.string(r.params(), "AccessKeyId", 16, 128, KEY_ID, "[\\w]+");
    }

    /** The key of this id of the named created user, after authorizing the action on the user. */
    private static IamAccessKey owned(
            dev.rolehop.local.state.IamState iam, IamRequest r, String userName, String id, String action) {
        AccountEntities entities = new AccountEntities(r, iam);
        r.authorize(action, entities.user(userName).arn());
        IamUser user = entities.createdUser(userName);
        return keys(iam, r, user).stream()
                .filter(k -> k.id().equals(id))
                .findFirst()
                .orElseThrow(
                        () -> AwsErrorCode.NO_SUCH_ENTITY.error("The Access Key with id " + id + " cannot be found."));
    }

    private static List<IamAccessKey> keys(dev.rolehop.local.state.IamState iam, IamRequest r, IamUser user) {
        return iam.all(IamAccessKey.class, r.accountId()).stream()
                .filter(k -> k.userName().equalsIgnoreCase(user.name()))
                .toList();
    }
}
