package dev.rolehop.local.iam;

import dev.rolehop.local.state.PolicyHolder;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.XmlWriter;

/**
 * A list action over something of a user or role that rolehop local does not model (SSH public
 * keys, service-specific credentials, signing certificates and groups of users, instance profiles
 * of roles): every user and role has none, and the list says so, for the tools that check before
 * deleting (amazon.aws iam_user, community.aws iam_role).
 */
final class NoneListed {

    private final WorldState state;
    private final String kind;
    private final String element;

    /**
     * @param kind "User" or "Role"
     * @param element the list's element in the response, e.g. {@code SSHPublicKeys}
     */
    NoneListed(WorldState state, String kind, String element) {
        this.state = state;
        this.kind = kind;
        this.element = element;
    }

    String list(IamRequest r) {
        String name = kind.equals("User") ? Users.named(r) : r.name("RoleName", 64);
        PolicyHolder holder = state.readIam(iam -> new AccountEntities(r, iam).holder(kind, name));
        r.authorize("iam:" + r.call().action(), holder.arn());
        XmlWriter xml = r.start().open(element).close(element).element("IsTruncated", false);
        return r.end(xml);
    }
}
