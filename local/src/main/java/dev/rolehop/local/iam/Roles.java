package dev.rolehop.local.iam;

import dev.rolehop.local.state.IamRole;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.Validation;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Ids;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * IAM's role actions: CreateRole, GetRole, ListRoles, UpdateRole, UpdateAssumeRolePolicy,
 * DeleteRole and the role tags. A created role is assumable as soon as it exists: STS finds it
 * through the state's IAM directory.
 */
final class Roles {

    private final WorldState state;

    Roles(WorldState state) {
        this.state = state;
    }

    String create(IamRequest r) {
        String name = r.name("RoleName", 64);
        String path = r.path("Path");
        String trust = PolicyText.trust(r.document("AssumeRolePolicyDocument"));
        String description = description(r);
        int max = Validation.integer(r.params(), "MaxSessionDuration", 3600, 43200, 3600);
        Map<String, String> tags = Tags.merged(Map.of(), Tags.read(r.params()));
        r.authorize("iam:CreateRole", r.arn("role", path, name));
        IamRole role = state.changeIam(iam -> {
            if (new AccountEntities(r, iam).roleExists(name)) {
                throw AwsErrorCode.ENTITY_ALREADY_EXISTS.error("Role with name " + name + " already exists.");
            }
            IamRole created = new IamRole(
                    r.accountId(),
                    name,
                    path,
                    description,
                    trust,
                    max,
                    r.now().truncatedTo(ChronoUnit.SECONDS),
                    Map.of(),
                    List.of(),
                    tags);
            iam.put(created);
            return created;
        });
        XmlWriter xml = r.start();
        write(xml.open("Role"), role, false);
        return r.end(xml.close("Role"));
    }

    String get(IamRequest r) {
        String name = r.name("RoleName", 64);
        IamRole role = state.readIam(iam -> new AccountEntities(r, iam).role(name));
        r.authorize("iam:GetRole", role.arn());
        XmlWriter xml = r.start();
        write(xml.open("Role"), role, true);
        return r.end(xml.close("Role"));
    }

    String list(IamRequest r) {
        String prefix = r.path("PathPrefix");
        r.authorize("iam:ListRoles", r.arn("role", prefix, ""));
        List<IamRole> roles = state.readIam(iam -> new AccountEntities(r, iam).roles()).stream()
                .filter(role -> role.path().startsWith(prefix))
                .toList();
        Page<IamRole> page = Page.of(roles, r.params());
        XmlWriter xml = r.start().open("Roles");
        page.items().forEach(role -> write(xml.open("member"), role, false).close("member"));
        xml.close("Roles");
        page.close(xml);
        return r.end(xml);
    }

    String update(IamRequest r) {
        String name = r.name("RoleName", 64);
        change(
                r,
                name,
                "iam:UpdateRole",
                role -> role.withSettings(
                        r.params().get("Description").isPresent() ? description(r) : role.description(),
                        Validation.integer(r.params(), "MaxSessionDuration", 3600, 43200, role.maxSessionDuration())));
        return r.end(r.start());
    }

    String updateTrust(IamRequest r) {
        String name = r.name("RoleName", 64);
        String trust = PolicyText.trust(r.document("PolicyDocument"));
        change(r, name, "iam:UpdateAssumeRolePolicy", role -> role.withTrustPolicy(trust));
        return r.empty();
    }

    String delete(IamRequest r) {
        String name = r.name("RoleName", 64);
        state.changeIam(iam -> {
            IamRole role = new AccountEntities(r, iam).role(name);
            r.authorize("iam:DeleteRole", role.arn());
            role = new AccountEntities(r, iam).createdRole(name);
            if (!role.inlinePolicies().isEmpty()) {
                throw AwsErrorCode.DELETE_CONFLICT.error("Cannot delete entity, must delete policies first.");
            }
            if (!role.attachedPolicies().isEmpty()) {
                throw AwsErrorCode.DELETE_CONFLICT.error("Cannot delete entity, must detach all policies first.");
            }
            iam.remove(role.key());
            return role;
        });
        return r.empty();
    }

    String tag(IamRequest r) {
        String name = r.name("RoleName", 64);
        Map<String, String> tags = Tags.read(r.params());
        change(r, name, "iam:TagRole", role -> role.withTags(Tags.merged(role.tags(), tags)));
        return r.empty();
    }

    String untag(IamRequest r) {
        String name = r.name("RoleName", 64);
        List<String> keys = r.params().values("TagKeys");
        change(r, name, "iam:UntagRole", role -> role.withTags(Tags.without(role.tags(), keys)));
        return r.empty();
    }

    String listTags(IamRequest r) {
        String name = r.name("RoleName", 64);
        IamRole role = state.readIam(iam -> new AccountEntities(r, iam).role(name));
        r.authorize("iam:ListRoleTags", role.arn());
        XmlWriter xml = r.start();
        Tags.write(xml, role.tags(), true);
        return r.end(xml.element("IsTruncated", false));
    }

    /** Replaces a created role with a changed copy, after authorizing the action on it. */
    private void change(IamRequest r, String name, String action, java.util.function.UnaryOperator<IamRole> edit) {
        state.changeIam(iam -> {
            AccountEntities entities = new AccountEntities(r, iam);
            r.authorize(action, entities.role(name).arn());
            IamRole updated = edit.apply(entities.createdRole(name));
            iam.put(updated);
            return updated;
        });
    }

    private static String description(IamRequest r) {
        return r.params()
                .get("Description")
                .map(d -> Validation.check(d, "description", 0, 1000, null, null))
                .orElse(null);
    }

    /** Writes a role's fields; GetRole adds its tags and last use. */
    private static XmlWriter write(XmlWriter xml, IamRole role, boolean full) {
        String arn = role.arn();
        xml.element("Path", role.path())
                .element("RoleName", role.name())
                .element("RoleId", Ids.stable("AROA", arn))
                .element("Arn", arn)
                .element("CreateDate", role.createDate())
                .element("AssumeRolePolicyDocument", IamRequest.encoded(role.trustPolicy()))
                .element("Description", role.description())
                .element("MaxSessionDuration", role.maxSessionDuration());
        Tags.write(xml, role.tags(), false);
        if (full) {
            xml.open("RoleLastUsed").close("RoleLastUsed");
        }
        return xml;
    }
}
