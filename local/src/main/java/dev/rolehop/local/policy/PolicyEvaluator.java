package dev.rolehop.local.policy;

import java.util.List;
import java.util.Map;

/**
 * Evaluates IAM policies for a request the way IAM does within one account: an explicit
 * {@code Deny} wins, else any matching {@code Allow} allows, else the request is implicitly denied.
 */
public final class PolicyEvaluator {

    private PolicyEvaluator() {}

    /** Evaluates identity-based (permission) policies. */
    public static Decision evaluate(List<PolicyDocument> policies, RequestContext request) {
        boolean allowed = false;
        for (PolicyDocument policy : policies) {
            for (Statement s : policy.statements()) {
                if (!actionMatches(s, request.action())
                        || !resourceMatches(s, request.resource())
                        || !conditionsHold(s, request)) {
                    continue;
                }
                if (s.effect() == Effect.DENY) {
                    return Decision.EXPLICIT_DENY;
                }
                allowed = true;
            }
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /** Evaluates a resource-based policy (a role's trust policy): statements must name the principal. */
    public static Decision evaluateTrust(PolicyDocument trust, RequestContext request) {
        boolean allowed = false;
        for (Statement s : trust.statements()) {
            if (!actionMatches(s, request.action())
                    || !principalMatches(s.principals(), request)
                    || !conditionsHold(s, request)) {
                continue;
            }
            if (s.effect() == Effect.DENY) {
                return Decision.EXPLICIT_DENY;
            }
            allowed = true;
        }
        return allowed ? Decision.ALLOW : Decision.IMPLICIT_DENY;
    }

    /** Whether a trust policy's allowing statement names this exact principal (not just its account). */
    public static boolean trustNamesPrincipal(PolicyDocument trust, RequestContext request) {
        for (Statement s : trust.statements()) {
            List<String> aws = s.principals().get("AWS");
            if (s.effect() == Effect.ALLOW
                    && aws != null
                    && actionMatches(s, request.action())
                    && aws.stream().anyMatch(request.principalArns()::contains)) {
                return true;
            }
        }
        return false;
    }

    private static boolean actionMatches(Statement s, String action) {
        if (!s.actions().isEmpty()) {
            return s.actions().stream().anyMatch(p -> Wildcards.matches(p, action, true));
        }
        return s.notActions().stream().noneMatch(p -> Wildcards.matches(p, action, true));
    }

    private static boolean resourceMatches(Statement s, String resource) {
        if (!s.resources().isEmpty()) {
            return s.resources().stream().anyMatch(p -> Wildcards.matches(p, resource, false));
        }
        return s.notResources().stream().noneMatch(p -> Wildcards.matches(p, resource, false));
    }

    private static boolean principalMatches(Map<String, List<String>> principals, RequestContext request) {
        if (!request.principalType().equals(RequestContext.AWS)) {
            // A provider or a service is named by its ARN or name only; no account-wide form and
            // no wildcard reach it.
            List<String> named = principals.get(request.principalType());
            return named != null && named.stream().anyMatch(request.principalArns()::contains);
        }
        List<String> aws = principals.get(RequestContext.AWS);
        if (aws == null) {
            return false;
        }
        for (String p : aws) {
            if (p.equals("*")
                    || p.equals(request.principalAccount())
                    || p.equals("arn:aws:iam::" + request.principalAccount() + ":root")
                    || request.principalArns().contains(p)) {
                return true;
            }
        }
        return false;
    }

    private static boolean conditionsHold(Statement s, RequestContext request) {
        for (Condition c : s.conditions()) {
            if (!holds(c, request)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(Condition c, RequestContext request) {
        List<String> actual = request.key(c.key());
        if (c.operator() == ConditionOperator.NULL) {
            boolean wantAbsent = c.values().stream().anyMatch("true"::equalsIgnoreCase);
            return (actual == null) == wantAbsent;
        }
        if (actual == null) {
            return c.ifExists() || c.operator().negated();
        }
        boolean anyMatch = false;
        for (String value : actual) {
            for (String expected : c.values()) {
                if (c.operator().matches(value, expected)) {
                    anyMatch = true;
                }
            }
        }
        return c.operator().negated() != anyMatch;
    }
}
