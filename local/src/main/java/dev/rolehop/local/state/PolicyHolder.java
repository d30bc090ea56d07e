package dev.rolehop.local.state;

import java.util.List;
import java.util.Map;

/** A created role or user: what holds inline policies and attached managed policies. */
public interface PolicyHolder extends IamEntity {

    /** The holder's name. */
    String name();

    /** The holder's ARN. */
    String arn();

    /** Inline policy JSON texts by name, in creation order. */
    Map<String, String> inlinePolicies();

    /** The ARNs of the attached managed policies, in attachment order. */
    List<String> attachedPolicies();

    /** This holder with other inline policies. */
    PolicyHolder withInlinePolicies(Map<String, String> policies);

    /** This holder with other attached managed policies. */
    PolicyHolder withAttachedPolicies(List<String> arns);
}
