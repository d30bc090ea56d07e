package dev.rolehop.local.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a policy is evaluated against: the action, the resource ARN, the calling principal
 * and IAM's condition context keys ({@code aws:MultiFactorAuthPresent}, {@code sts:ExternalId}, ...).
 *
 * @param principalArns the ARNs a {@code Principal} element may name for this caller: for a
 *                      user its ARN; for an assumed-role session the session ARN and the role ARN
 * @param principalAccount the caller's account id (matches {@code "AWS": "ACCOUNT"} and root ARNs)
 * @param keys condition keys (names compared case-insensitively, as IAM does)
 */
public record RequestContext(
        String action,
        String resource,
        List<String> principalArns,
        String principalAccount,
        Map<String, List<String>> keys) {

    public RequestContext {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
        principalArns = List.copyOf(principalArns);
        keys = Map.copyOf(keys);
    }

    /** The values of a condition key, or null when the request does not carry it. */
    public List<String> key(String name) {
        for (Map.Entry<String, List<String>> e : keys.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
