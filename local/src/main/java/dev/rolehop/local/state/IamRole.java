package dev.rolehop.local.state;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A role created through IAM.
 *
 * @param path {@code /} or {@code /a/b/}
 * @param description null when none was given
 * @param trustPolicy the trust policy's JSON text, as given
 * @param inlinePolicies inline policy JSON texts by name, in creation order
 * @param attachedPolicies the ARNs of the attached managed policies, in attachment order
 */
public record IamRole(
        String accountId,
        String name,
        String path,
        String description,
        String trustPolicy,
        int maxSessionDuration,
        Instant createDate,
        Map<String, String> inlinePolicies,
        List<String> attachedPolicies,
        Map<String, String> tags)
        implements PolicyHolder {

    public IamRole {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        Objects.requireNonNull(createDate, "createDate");
        inlinePolicies = Ordered.copy(inlinePolicies);
        attachedPolicies = List.copyOf(attachedPolicies);
        tags = Ordered.copy(tags);
    }

    @Override
    public String name() {
        return name;
    }

    /** The key of the role of this name in an account. */
    public static String key(String accountId, String name) {
        return accountId + ":role/" + name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String key() {
        return key(accountId, name);
    }

    /** The role's ARN, {@code arn:aws:iam::ACCOUNT:role/PATH/NAME}. */
    @Override
    public String arn() {
        return "arn:aws:iam::" + accountId + ":role" + path + name;
    }

    @Override
    public IamRole withInlinePolicies(Map<String, String> policies) {
        return RecordCodec.with(this, "inlinePolicies", policies);
    }

    @Override
    public IamRole withAttachedPolicies(List<String> arns) {
        return RecordCodec.with(this, "attachedPolicies", arns);
    }

    /** This role with other tags. */
    public IamRole withTags(Map<String, String> newTags) {
        return RecordCodec.with(this, "tags", newTags);
    }

    /** This role with another trust policy. */
    public IamRole withTrustPolicy(String document) {
        return RecordCodec.with(this, "trustPolicy", document);
    }

    /** This role with another description and maximum session duration. */
    public IamRole withSettings(String newDescription, int newMaxSessionDuration) {
        return RecordCodec.with(this, "description", newDescription, "maxSessionDuration", newMaxSessionDuration);
    }
}
