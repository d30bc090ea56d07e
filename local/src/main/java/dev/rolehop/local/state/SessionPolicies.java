package dev.rolehop.local.state;

import java.util.List;

/**
 * The session policies passed when temporary credentials were issued ({@code Policy} and
 * {@code PolicyArns}): the session may do only what these allow, within its principal's own
 * policies. Managed policies are kept by ARN and read when a request is evaluated, as IAM does.
 *
 * @param inline the inline session policy's JSON text, or null
 * @param managedArns the ARNs of the managed session policies, in the order given
 */
public record SessionPolicies(String inline, List<String> managedArns) {

    /** No session policy at all: a federated user given none may do nothing. */
    public static final SessionPolicies NONE = new SessionPolicies(null, List.of());

    public SessionPolicies {
        managedArns = List.copyOf(managedArns);
    }
}
