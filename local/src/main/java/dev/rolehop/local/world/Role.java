package dev.rolehop.local.world;

import dev.rolehop.local.policy.PolicyDocument;
import java.util.List;
import java.util.Objects;

/** An IAM role: trust policy, maximum session duration and inline permission policies. */
public record Role(
        String name, String accountId, PolicyDocument trustPolicy, int maxSessionDuration, List<Policy> policies) {

    /** IAM's default {@code MaxSessionDuration}, one hour. */
    public static final int DEFAULT_MAX_SESSION_DURATION = 3600;

    public Role {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(trustPolicy, "trustPolicy");
        policies = List.copyOf(policies);
    }

    /** The role's ARN, {@code arn:aws:iam::ACCOUNT:role/NAME}. */
    public String arn() {
        return "arn:aws:iam::" + accountId + ":role/" + name;
    }

    /** The role's stable unique id ({@code AROA...}). */
    public String roleId() {
        return Ids.stable("AROA", arn());
    }
}
