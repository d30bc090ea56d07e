package dev.rolehop.local.iam;

import dev.rolehop.local.state.IamState;
import dev.rolehop.local.state.ManagedPolicy;
import dev.rolehop.local.state.PolicyHolder;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.XmlWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The policies of a role or a user ({@code kind} "Role" or "User": the actions' names differ in
 * that word only): inline ones (Put/Get/Delete/List{kind}Policy) and attached managed ones
 * (Attach/Detach/ListAttached{kind}Policies). Created entities' policies change; the world's are
 * read-only.
 */
final class AttachedPolicies {

    /** IAM's quota of managed policies attached to one role or user. */
    static final int MOST_ATTACHED = 10;

    private final WorldState state;
    private final String kind;

    AttachedPolicies(WorldState state, String kind) {
        this.state = state;
        this.kind = kind;
    }

    String put(IamRequest r) {
        String name = holderName(r);
        String policy = r.name("PolicyName", 128);
        String document = PolicyText.permissions(r.document("PolicyDocument"));
        change(r, name, "Put" + kind + "Policy", h -> {
            Map<String, String> inline = new LinkedHashMap<>(h.inlinePolicies());
            inline.put(policy, document);
            return h.withInlinePolicies(inline);
        });
        return r.empty();
    }

    String get(IamRequest r) {
        String name = holderName(r);
        String policy = r.name("PolicyName", 128);
        PolicyHolder holder = read(r, name, "Get" + kind + "Policy");
        String document = holder.inlinePolicies().get(policy);
        if (document == null) {
            throw noSuchInline(policy);
        }
        XmlWriter xml = r.start()
                .element(kind + "Name", holder.name())
                .element("PolicyName", policy)
                .element("PolicyDocument", IamRequest.encoded(document));
        return r.end(xml);
    }

    String delete(IamRequest r) {
        String name = holderName(r);
        String policy = r.name("PolicyName", 128);
        change(r, name, "Delete" + kind + "Policy", h -> {
            if (!h.inlinePolicies().containsKey(policy)) {
                throw noSuchInline(policy);
            }
            Map<String, String> inline = new LinkedHashMap<>(h.inlinePolicies());
            inline.remove(policy);
            return h.withInlinePolicies(inline);
        });
        return r.empty();
    }

    String list(IamRequest r) {
        String name = holderName(r);
        PolicyHolder holder = read(r, name, "List" + kind + "Policies");
        Page<String> page = Page.of(new ArrayList<>(holder.inlinePolicies().keySet()), r.params());
        XmlWriter xml = r.start().open("PolicyNames");
        page.items().forEach(p -> xml.element("member", p));
        xml.close("PolicyNames");
        page.close(xml);
        return r.end(xml);
    }

    String attach(IamRequest r) {
        String name = holderName(r);
        String arn = r.text("PolicyArn", 20, 2048);
        state.changeIam(iam -> {
            PolicyHolder h = authorizedCreated(r, iam, name, "Attach" + kind + "Policy");
            if (ManagedPolicies.find(iam, arn).isEmpty()) {
                throw AwsErrorCode.NO_SUCH_ENTITY.error("Policy " + arn + " does not exist or is not attachable.");
            }
            if (!h.attachedPolicies().contains(arn)) {
                if (h.attachedPolicies().size() >= MOST_ATTACHED) {
                    throw AwsErrorCode.LIMIT_EXCEEDED.error(
                            "Cannot exceed quota for PoliciesPer" + kind + ": " + MOST_ATTACHED);
                }
                List<String> attached = new ArrayList<>(h.attachedPolicies());
                attached.add(arn);
                iam.put(h.withAttachedPolicies(attached));
            }
            return h;
        });
        return r.empty();
    }

    String detach(IamRequest r) {
        String name = holderName(r);
        String arn = r.text("PolicyArn", 20, 2048);
        change(r, name, "Detach" + kind + "Policy", h -> {
            if (!h.attachedPolicies().contains(arn)) {
                throw AwsErrorCode.NO_SUCH_ENTITY.error("Policy " + arn + " was not found.");
            }
            List<String> attached = new ArrayList<>(h.attachedPolicies());
            attached.remove(arn);
            return h.withAttachedPolicies(attached);
        });
        return r.empty();
    }

    String listAttached(IamRequest r) {
        String name = holderName(r);
        String prefix = r.path("PathPrefix");
        List<ManagedPolicy> policies = state.readIam(iam -> {
            PolicyHolder holder = new AccountEntities(r, iam).holder(kind, name);
            r.authorize("iam:ListAttached" + kind + "Policies", holder.arn());
            return holder.attachedPolicies().stream()
                    .flatMap(arn -> ManagedPolicies.find(iam, arn).stream())
                    .filter(p -> p.path().startsWith(prefix))
                    .toList();
        });
        Page<ManagedPolicy> page = Page.of(policies, r.params());
        XmlWriter xml = r.start().open("AttachedPolicies");
        page.items()
                .forEach(p -> xml.open("member")
                        .element("PolicyName", p.name())
                        .element("PolicyArn", p.arn())
                        .close("member"));
        xml.close("AttachedPolicies");
        page.close(xml);
        return r.end(xml);
    }

    private String holderName(IamRequest r) {
        return r.name(kind + "Name", kind.equals("Role") ? 64 : 128);
    }

    private PolicyHolder read(IamRequest r, String name, String action) {
        PolicyHolder holder = state.readIam(iam -> new AccountEntities(r, iam).holder(kind, name));
        r.authorize("iam:" + action, holder.arn());
        return holder;
    }

    private PolicyHolder authorizedCreated(IamRequest r, IamState iam, String name, String action) {
        AccountEntities entities = new AccountEntities(r, iam);
        r.authorize("iam:" + action, entities.holder(kind, name).arn());
        return entities.createdHolder(kind, name);
    }

    /** Replaces a created holder with a changed copy, after authorizing the action on it. */
    private void change(IamRequest r, String name, String action, UnaryOperator<PolicyHolder> edit) {
        state.changeIam(iam -> {
            PolicyHolder updated = edit.apply(authorizedCreated(r, iam, name, action));
            iam.put(updated);
            return updated;
        });
    }

    private dev.rolehop.local.wire.AwsException noSuchInline(String policy) {
        return AwsErrorCode.NO_SUCH_ENTITY.error(
                "The " + kind.toLowerCase(java.util.Locale.ROOT) + " policy with name " + policy + " cannot be found.");
    }
}
