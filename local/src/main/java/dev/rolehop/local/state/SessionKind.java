package dev.rolehop.local.state;

/** How temporary credentials were issued. */
public enum SessionKind {
    /** By {@code sts:AssumeRole}: the caller acts as the role, in the role's account. */
    ASSUMED_ROLE,
    /** By {@code sts:GetSessionToken}: the caller acts as the same user, with AWS's restrictions. */
    SESSION_TOKEN
}
