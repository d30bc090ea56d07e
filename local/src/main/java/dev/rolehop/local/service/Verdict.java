package dev.rolehop.local.service;

import dev.rolehop.local.policy.Decision;

/**
 * IAM's decision on a request and the kind of policy that decided a denial, for IAM's
 * explanation in the denial message.
 *
 * @param policyKind {@code identity-based} or {@code session}: the policies that denied (or, on
 *     an allow, the last ones evaluated)
 */
public record Verdict(Decision decision, String policyKind) {

    /** Whether the request is allowed. */
    public boolean allowed() {
        return decision == Decision.ALLOW;
    }

    /** IAM's explanation appended to denial messages. */
    public String reason(String action) {
        return decision == Decision.EXPLICIT_DENY
                ? "with an explicit deny in " + (policyKind.startsWith("i") ? "an " : "a ") + policyKind + " policy"
                : "because no " + policyKind + " policy allows the " + action + " action";
    }
}
