package dev.rolehop.local.auth;

import dev.rolehop.local.policy.PolicyDocument;
import dev.rolehop.local.state.SessionKind;
import dev.rolehop.local.state.TemporaryCredential;
import dev.rolehop.local.world.Policy;
import dev.rolehop.local.world.Role;
import dev.rolehop.local.world.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The authenticated principal of a request: a user with long-term keys, a user with a
 * session token, an assumed-role session or a federated user. Resources it creates live in
 * {@link #accountId()}.
 *
 * @param user the user (long-term keys or session token; the issuing user of a federated user), else null
 * @param role the assumed role, else null
 * @param session the temporary credentials used, or null for long-term keys
 * @param sessionPolicies the session policies that limit the caller, or null when none do
 */
public record Caller(
        String accountId,
        String arn,
        String userId,
        User user,
        Role role,
        TemporaryCredential session,
        List<PolicyDocument> sessionPolicies) {

    public Caller {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(userId, "userId");
        sessionPolicies = sessionPolicies == null ? null : List.copyOf(sessionPolicies);
    }

    /** A user signing with one of its long-term access keys. */
    public static Caller of(User user) {
        return new Caller(user.accountId(), user.arn(), user.userId(), user, null, null, null);
    }

    /** A user signing with a session token from GetSessionToken. */
    public static Caller ofSessionToken(User user, TemporaryCredential session) {
        return new Caller(user.accountId(), user.arn(), user.userId(), user, null, session, null);
    }

    /** An assumed-role session. */
    public static Caller ofRole(Role role, TemporaryCredential session) {
        return new Caller(
                role.accountId(),
                "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.name() + "/" + session.sessionName(),
                role.roleId() + ":" + session.sessionName(),
                null,
                role,
                session,
                null);
    }

    /**
     * A federated user from GetFederationToken: named by the call, acting with the issuing
     * user's policies (within the session policies, {@link #limitedBy}).
     */
    public static Caller ofFederatedUser(User issuer, TemporaryCredential session) {
        String name = session.sessionName();
        return new Caller(
                issuer.accountId(),
                "arn:aws:sts::" + issuer.accountId() + ":federated-user/" + name,
                issuer.accountId() + ":" + name,
                issuer,
                null,
                session,
                null);
    }

    /** This caller limited by session policies. */
    public Caller limitedBy(List<PolicyDocument> policies) {
        return new Caller(accountId, arn, userId, user, role, session, policies);
    }

    /** Whether the caller signs with temporary credentials. */
    public boolean temporary() {
        return session != null;
    }

    /** Whether the caller is an assumed-role session. */
    public boolean assumedRole() {
        return session != null && session.kind() == SessionKind.ASSUMED_ROLE;
    }

    /** Whether the caller is a federated user (GetFederationToken). */
    public boolean federated() {
        return session != null && session.kind() == SessionKind.FEDERATED_USER;
    }

    /** When MFA was presented for these credentials, or null (long-term keys never carry MFA). */
    public Instant mfaAuthTime() {
        return session == null ? null : session.mfaAuthTime();
    }

    /** The identity-based policies that decide what the caller may do. */
    public List<PolicyDocument> policies() {
        List<PolicyDocument> out = new ArrayList<>();
        for (Policy p : role != null ? role.policies() : user.policies()) {
            out.add(p.document());
        }
        return out;
    }

    /** The ARNs a trust policy's Principal may name for this caller (session ARN and role ARN). */
    public List<String> principalArns() {
        return role != null ? List.of(arn, role.arn()) : List.of(arn);
    }

    /** The principal ARN IAM uses for {@code aws:PrincipalArn} (the role ARN for sessions). */
    public String principalArn() {
        return role != null ? role.arn() : arn;
    }
}
