package dev.rolehop.local.iam;

import dev.rolehop.local.state.IamRole;
import dev.rolehop.local.state.IamState;
import dev.rolehop.local.state.IamUser;
import dev.rolehop.local.state.ManagedPolicy;
import dev.rolehop.local.state.ManagedPolicy.PolicyVersion;
import dev.rolehop.local.state.PolicyHolder;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.AwsException;
import dev.rolehop.local.wire.Validation;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.Ids;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * IAM's customer managed policies: CreatePolicy, GetPolicy, ListPolicies, DeletePolicy and their
 * versions (CreatePolicyVersion, GetPolicyVersion, ListPolicyVersions, DeletePolicyVersion,
 * SetDefaultPolicyVersion); at most five versions, the default one in force wherever the policy
 * is attached. AWS managed policies ({@code arn:aws:iam::aws:policy/...}) are not modelled.
 */
final class ManagedPolicies {

    static final int MOST_VERSIONS = 5;
    private static final Pattern VERSION_ID = Pattern.compile("v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");

    private final WorldState state;

    ManagedPolicies(WorldState state) {
        this.state = state;
    }

    /** The created managed policy with this ARN, in any account. */
    static Optional<ManagedPolicy> find(IamState iam, String arn) {
        if (!arn.startsWith("arn:aws:iam::") || arn.length() < 26) {
            return Optional.empty();
        }
        String accountId = arn.substring(13, 25);
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        return iam.get(ManagedPolicy.class, ManagedPolicy.key(accountId, name))
                .filter(p -> p.arn().equals(arn));
    }

    String create(IamRequest r) {
        String name = r.name("PolicyName", 128);
        String path = r.path("Path");
        String document = PolicyText.permissions(r.document("PolicyDocument"));
        String description = r.params()
                .get("Description")
                .map(d -> Validation.check(d, "description", 0, 1000, null, null))
                .orElse(null);
        r.authorize("iam:CreatePolicy", r.arn("policy", path, name));
        Instant now = r.now().truncatedTo(ChronoUnit.SECONDS);
        ManagedPolicy policy = state.changeIam(iam -> {
            if (iam.get(ManagedPolicy.class, ManagedPolicy.key(r.accountId(), name))
                    .isPresent()) {
                throw AwsErrorCode.ENTITY_ALREADY_EXISTS.error(
                        "A policy called " + name + " already exists. Duplicate names are not allowed.");
            }
            ManagedPolicy created = new ManagedPolicy(
                    r.accountId(),
                    name,
                    path,
                    description,
                    now,
                    now,
                    "v1",
                    2,
                    List.of(new PolicyVersion("v1", document, now)));
            iam.put(created);
            return created;
        });
        XmlWriter xml = r.start().open("Policy");
        return r.end(write(xml, policy, 0).close("Policy"));
    }

    String get(IamRequest r) {
        String arn = arn(r);
        r.authorize("iam:GetPolicy", arn);
        XmlWriter xml = r.start().open("Policy");
        state.readIam(iam -> write(xml, existing(iam, arn), attachments(iam, arn)));
        return r.end(xml.close("Policy"));
    }

    String list(IamRequest r) {
        String scope = r.params().get("Scope").orElse("All");
        if (!List.of("All", "AWS", "Local").contains(scope)) {
            throw Validation.error(scope, "scope", "Member must satisfy enum value set: [All, AWS, Local]");
        }
        boolean onlyAttached =
                Boolean.parseBoolean(r.params().get("OnlyAttached").orElse("false"));
        String prefix = r.path("PathPrefix");
        r.authorize("iam:ListPolicies", r.arn("policy", prefix, ""));
        record Listed(ManagedPolicy policy, int attachments) {}
        List<Listed> policies = state.readIam(iam -> iam.all(ManagedPolicy.class, r.accountId()).stream()
                .filter(p -> !scope.equals("AWS") && p.path().startsWith(prefix))
                .map(p -> new Listed(p, attachments(iam, p.arn())))
                .filter(l -> !onlyAttached || l.attachments() > 0)
                .toList());
        Page<Listed> page = Page.of(policies, r.params());
        XmlWriter xml = r.start().open("Policies");
        page.items()
                .forEach(l ->
                        write(xml.open("member"), l.policy(), l.attachments()).close("member"));
        xml.close("Policies");
        page.close(xml);
        return r.end(xml);
    }

    String delete(IamRequest r) {
        String arn = arn(r);
        r.authorize("iam:DeletePolicy", arn);
        state.changeIam(iam -> {
            ManagedPolicy policy = existing(iam, arn);
            if (attachments(iam, arn) > 0) {
                throw AwsErrorCode.DELETE_CONFLICT.error("Cannot delete a policy attached to entities.");
            }
            if (policy.versions().size() > 1) {
                throw AwsErrorCode.DELETE_CONFLICT.error("This policy has more than one version. Before you delete a"
                        + " policy, you must delete the policy's versions. The default version is deleted with the"
                        + " policy.");
            }
            iam.remove(policy.key());
            return policy;
        });
        return r.empty();
    }

    /** ListEntitiesForPolicy: the created roles and users it is attached to ({@code EntityFilter} Role or User). */
    String listEntities(IamRequest r) {
        String arn = arn(r);
        String filter = r.params().get("EntityFilter").orElse("");
        r.authorize("iam:ListEntitiesForPolicy", arn);
        List<PolicyHolder> holders = state.readIam(iam -> {
            existing(iam, arn);
            return attached(iam, arn).toList();
        });
        XmlWriter xml = r.start().open("PolicyGroups").close("PolicyGroups").open("PolicyUsers");
        holders.stream()
                .filter(h -> h instanceof IamUser && !filter.equals("Role"))
                .forEach(h -> xml.open("member")
                        .element("UserName", h.name())
                        .element("UserId", Ids.stable("AIDA", h.arn()))
                        .close("member"));
        xml.close("PolicyUsers").open("PolicyRoles");
        holders.stream()
                .filter(h -> h instanceof IamRole && !filter.equals("User"))
                .forEach(h -> xml.open("member")
                        .element("RoleName", h.name())
                        .element("RoleId", Ids.stable("AROA", h.arn()))
                        .close("member"));
        return r.end(xml.close("PolicyRoles").element("IsTruncated", false));
    }

    String createVersion(IamRequest r) {
        String arn = arn(r);
        String document = PolicyText.permissions(r.document("PolicyDocument"));
        boolean makeDefault =
                Boolean.parseBoolean(r.params().get("SetAsDefault").orElse("false"));
        r.authorize("iam:CreatePolicyVersion", arn);
        Instant now = r.now().truncatedTo(ChronoUnit.SECONDS);
        PolicyVersion version = state.changeIam(iam -> {
            ManagedPolicy policy = existing(iam, arn);
            if (policy.versions().size() >= MOST_VERSIONS) {
                throw AwsErrorCode.LIMIT_EXCEEDED.error("A managed policy can have up to " + MOST_VERSIONS
                        + " versions. Before you create a new version, you must delete an existing version.");
            }
            PolicyVersion created = new PolicyVersion("v" + policy.nextVersion(), document, now);
            List<PolicyVersion> versions = new ArrayList<>(policy.versions());
            versions.add(created);
            iam.put(policy.withVersions(
                    versions,
                    makeDefault ? created.versionId() : policy.defaultVersion(),
                    policy.nextVersion() + 1,
                    now));
            return created;
        });
        XmlWriter xml = r.start().open("PolicyVersion");
        xml.element("VersionId", version.versionId())
                .element("IsDefaultVersion", makeDefault)
                .element("CreateDate", version.createDate());
        return r.end(xml.close("PolicyVersion"));
    }

    String getVersion(IamRequest r) {
        String arn = arn(r);
        String id = versionId(r);
        r.authorize("iam:GetPolicyVersion", arn);
        XmlWriter xml = r.start().open("PolicyVersion");
        state.readIam(iam -> {
            ManagedPolicy policy = existing(iam, arn);
            PolicyVersion v = version(policy, id);
            return xml.element("Document", IamRequest.encoded(v.document()))
                    .element("VersionId", v.versionId())
                    .element("IsDefaultVersion", v.versionId().equals(policy.defaultVersion()))
                    .element("CreateDate", v.createDate());
        });
        return r.end(xml.close("PolicyVersion"));
    }

    String listVersions(IamRequest r) {
        String arn = arn(r);
        r.authorize("iam:ListPolicyVersions", arn);
        ManagedPolicy policy = state.readIam(iam -> existing(iam, arn));
        Page<PolicyVersion> page = Page.of(policy.versions(), r.params());
        XmlWriter xml = r.start().open("Versions");
        page.items()
                .forEach(v -> xml.open("member")
                        .element("VersionId", v.versionId())
                        .element("IsDefaultVersion", v.versionId().equals(policy.defaultVersion()))
                        .element("CreateDate", v.createDate())
                        .close("member"));
        xml.close("Versions");
        page.close(xml);
        return r.end(xml);
    }

    String deleteVersion(IamRequest r) {
        String arn = arn(r);
        String id = versionId(r);
        r.authorize("iam:DeletePolicyVersion", arn);
        state.changeIam(iam -> {
            ManagedPolicy policy = existing(iam, arn);
            PolicyVersion v = version(policy, id);
            if (v.versionId().equals(policy.defaultVersion())) {
                throw AwsErrorCode.DELETE_CONFLICT.error("Cannot delete the default version of a policy.");
            }
            List<PolicyVersion> versions = new ArrayList<>(policy.versions());
            versions.remove(v);
            iam.put(policy.withVersions(versions, policy.defaultVersion(), policy.nextVersion(), policy.updateDate()));
            return v;
        });
        return r.empty();
    }

    String setDefaultVersion(IamRequest r) {
        String arn = arn(r);
        String id = versionId(r);
        r.authorize("iam:SetDefaultPolicyVersion", arn);
        state.changeIam(iam -> {
            ManagedPolicy policy = existing(iam, arn);
            version(policy, id);
            iam.put(policy.withVersions(
                    policy.versions(), id, policy.nextVersion(), r.now().truncatedTo(ChronoUnit.SECONDS)));
            return policy;
        });
        return r.empty();
    }

    private static String arn(IamRequest r) {
        return r.text("PolicyArn", 20, 2048);
    }

    private static String versionId(IamRequest r) {
        return Validation.string(r.params(), "VersionId", 1, 128, VERSION_ID, "v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?");
    }

    private static ManagedPolicy existing(IamState iam, String arn) {
        return find(iam, arn).orElseThrow(() -> notFound(arn));
    }

    private static PolicyVersion version(ManagedPolicy policy, String id) {
        return policy.versions().stream()
                .filter(v -> v.versionId().equals(id))
                .findFirst()
                .orElseThrow(() -> AwsErrorCode.NO_SUCH_ENTITY.error(
                        "Policy " + policy.arn() + " version " + id + " does not exist or is not attachable."));
    }

    private static AwsException notFound(String arn) {
        return AwsErrorCode.NO_SUCH_ENTITY.error("Policy " + arn + " was not found.");
    }

    /** How many created roles and users the policy is attached to. */
    private static int attachments(IamState iam, String arn) {
        return (int) attached(iam, arn).count();
    }

    /** The created roles and users the policy is attached to. */
    private static Stream<PolicyHolder> attached(IamState iam, String arn) {
        String accountId = arn.substring(13, 25);
        return Stream.concat(iam.all(IamRole.class, accountId).stream(), iam.all(IamUser.class, accountId).stream())
                .map(PolicyHolder.class::cast)
                .filter(h -> h.attachedPolicies().contains(arn));
    }

    private static XmlWriter write(XmlWriter xml, ManagedPolicy p, int attachments) {
        return xml.element("PolicyName", p.name())
                .element("PolicyId", Ids.stable("ANPA", p.arn()))
                .element("Arn", p.arn())
                .element("Path", p.path())
                .element("DefaultVersionId", p.defaultVersion())
                .element("AttachmentCount", attachments)
                .element("PermissionsBoundaryUsageCount", 0)
                .element("IsAttachable", true)
                .element("Description", p.description())
                .element("CreateDate", p.createDate())
                .element("UpdateDate", p.updateDate());
    }
}
