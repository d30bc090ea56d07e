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

    private static final String IDENTITY = "identity-based";
    private static final String SESSION = "session";

    private Authorizer() {}

    /**
     * The IAM decision for an action on a resource ARN: what the caller's identity policies allow,
     * and for a caller with session policies only what those allow too (an explicit deny in
     * either wins).
     */
    public static Verdict decide(
            Caller caller, String action, String resource, ServiceCall call, Map<String, List<String>> extraKeys) {
        RequestContext context = context(caller, action, resource, call, extraKeys);
        Decision identity = PolicyEvaluator.evaluate(caller.policies(), context);
        if (caller.sessionPolicies() == null || identity == Decision.EXPLICIT_DENY) {
            return new Verdict(identity, IDENTITY);
        }
        Decision session = PolicyEvaluator.evaluate(caller.sessionPolicies(), context);
        return session == Decision.EXPLICIT_DENY || identity == Decision.ALLOW
                ? new Verdict(session, SESSION)
                : new Verdict(identity, IDENTITY);
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
        keys.put(
                "aws:PrincipalType",
                List.of(caller.assumedRole() ? "AssumedRole" : caller.federated() ? "FederatedUser" : "User"));
        // A federated user is not an IAM user: IAM sets aws:username only for the latter.
        if (caller.user() != null && !caller.federated()) {
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
}
