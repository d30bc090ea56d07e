package dev.rolehop.local.state;

/** How temporary credentials were issued. */
public enum SessionKind {
    /** By {@code sts:AssumeRole}: the caller acts as the role, in the role's account. */
    ASSUMED_ROLE,
    /** By {@code sts:GetSessionToken}: the caller acts as the same user, with AWS's restrictions. */
    SESSION_TOKEN,
    /**
     * By {@code sts:GetFederationToken}: the caller acts as a federated user named by the call,
     * with the permissions both the issuing user's policies and the session policies allow.
     */
    FEDERATED_USER
}
