package dev.rolehop.local.world;

import dev.rolehop.local.policy.PolicyDocument;
import java.util.List;
import java.util.Objects;

/**
 * An IAM role: trust policy, maximum session duration and permission policies (inline, and for a
 * created role the default versions of its attached managed policies).
 *
 * @param path the role's IAM path, {@code /} or {@code /a/b/}: part of its ARN
 */
public record Role(
        String name,
        String accountId,
        PolicyDocument trustPolicy,
        int maxSessionDuration,
        List<Policy> policies,
        String path) {

    /** IAM's default {@code MaxSessionDuration}, one hour. */
    public static final int DEFAULT_MAX_SESSION_DURATION = 3600;

    public Role {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        policies = List.copyOf(policies);
        Objects.requireNonNull(path, "path");
    }

    /** A role at path {@code /} (every role of the world file). */
    public Role(
            String name, String accountId, PolicyDocument trustPolicy, int maxSessionDuration, List<Policy> policies) {
        this(name, accountId, trustPolicy, maxSessionDuration, policies, "/");
    }

    /** The role's ARN, {@code arn:aws:iam::ACCOUNT:role/PATH/NAME} (no path part for {@code /}). */
    public String arn() {
        return "arn:aws:iam::" + accountId + ":role" + path + name;
    }

    /** The role's stable unique id ({@code AROA...}). */
    public String roleId() {
        return Ids.stable("AROA", arn());
    }
}
