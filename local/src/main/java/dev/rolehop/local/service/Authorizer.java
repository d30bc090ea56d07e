package dev.rolehop.local.service;

import dev.rolehop.local.auth.Caller;
import dev.rolehop.local.policy.Decision;
import dev.rolehop.local.policy.PolicyEvaluator;
import dev.rolehop.local.policy.RequestContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides whether a caller's identity policies allow an action on a resource, with the IAM
 * condition keys rolehop local knows filled in from the caller and the request.
 */
public final class Authorizer {

    private Authorizer() {}

    /** The IAM decision for an action on a resource ARN. */
    public static Decision decide(
            Caller caller, String action, String resource, ServiceCall call, Map<String, List<String>> extraKeys) {
        return PolicyEvaluator.evaluate(caller.policies(), context(caller, action, resource, call, extraKeys));
    }

    /** The request context IAM would build for this caller and call. */
    public static RequestContext context(
            Caller caller, String action, String resource, ServiceCall call, Map<String, List<String>> extraKeys) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        Instant now = call.now();
        keys.put("aws:PrincipalAccount", List.of(caller.accountId()));
        keys.put("aws:PrincipalArn", List.of(caller.principalArn()));
        keys.put("aws:userid", List.of(caller.userId()));
        keys.put("aws:CurrentTime", List.of(now.toString()));
        keys.put("aws:EpochTime", List.of(String.valueOf(now.getEpochSecond())));
        keys.put("aws:SecureTransport", List.of("false"));
        keys.put("aws:RequestedRegion", List.of(call.region()));
        keys.put("aws:PrincipalType", List.of(caller.assumedRole() ? "AssumedRole" : "User"));
        if (caller.user() != null) {
            keys.put("aws:username", List.of(caller.user().name()));
        }
        // IAM sets aws:MultiFactorAuthPresent only for temporary credentials; long-term keys lack it.
        if (caller.temporary()) {
            keys.put("aws:MultiFactorAuthPresent", List.of(String.valueOf(caller.mfaAuthTime() != null)));
        }
        if (caller.mfaAuthTime() != null) {
            keys.put(
                    "aws:MultiFactorAuthAge",
                    List.of(String.valueOf(Math.max(
                            0, now.getEpochSecond() - caller.mfaAuthTime().getEpochSecond()))));
        }
        keys.putAll(extraKeys);
        return new RequestContext(action, resource, caller.principalArns(), caller.accountId(), keys);
    }

    /** IAM's explanation appended to denial messages. */
    public static String reason(Decision decision, String action) {
        return decision == Decision.EXPLICIT_DENY
                ? "with an explicit deny in an identity-based policy"
                : "because no identity-based policy allows the " + action + " action";
    }
}
