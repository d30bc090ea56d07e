package dev.rolehop.local.policy;

/** The outcome of evaluating policies: IAM distinguishes an explicit deny from no allow. */
public enum Decision {
    ALLOW,
    EXPLICIT_DENY,
    IMPLICIT_DENY
}
