package dev.rolehop.local.state;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A user created through IAM (its access keys and MFA devices are entities of their own).
 *
 * @param path {@code /} or {@code /a/b/}
 * @param inlinePolicies inline policy JSON texts by name, in creation order
 * @param attachedPolicies the ARNs of the attached managed policies, in attachment order
 */
public record IamUser(
        String accountId,
        String name,
        String path,
        Instant createDate,
        Map<String, String> inlinePolicies,
        List<String> attachedPolicies,
        Map<String, String> tags)
        implements PolicyHolder {

    public IamUser {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(createDate, "createDate");
        inlinePolicies = Ordered.copy(inlinePolicies);
        attachedPolicies = List.copyOf(attachedPolicies);
        tags = Ordered.copy(tags);
    }

    @Override
    public String name() {
        return name;
    }

    /** The key of the user of this name in an account. */
    public static String key(String accountId, String name) {
        return accountId + ":user/" + name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String key() {
        return key(accountId, name);
    }

    /** The user's ARN, {@code arn:aws:iam::ACCOUNT:user/PATH/NAME}. */
    @Override
    public String arn() {
        return "arn:aws:iam::" + accountId + ":user" + path + name;
    }

    @Override
    public IamUser withInlinePolicies(Map<String, String> policies) {
        return RecordCodec.with(this, "inlinePolicies", policies);
    }

    @Override
    public IamUser withAttachedPolicies(List<String> arns) {
        return RecordCodec.with(this, "attachedPolicies", arns);
    }
}
