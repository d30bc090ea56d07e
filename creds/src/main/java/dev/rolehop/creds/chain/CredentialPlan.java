package dev.rolehop.creds.chain;

import dev.rolehop.creds.ChainStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a profile's credentials are obtained: a source, optionally an MFA session made with it,
 * then the roles to assume in order (the first with the source's or the session's credentials,
 * each next one with the previous role's).
 *
 * @param profile the profile asked for
 * @param source where the first credentials come from
 * @param session the MFA session (GetSessionToken) made with the source's keys, or {@code null}
 * @param hops the roles to assume, source side first; empty when the source (or session) is the answer
 */
public record CredentialPlan(String profile, CredentialSource source, MfaSession session, List<RoleHop> hops) {

    /** Copies the hops. */
    public CredentialPlan {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(source, "source");
        hops = List.copyOf(hops);
    }

    /** A plan without an MFA session. */
    public CredentialPlan(String profile, CredentialSource source, List<RoleHop> hops) {
        this(profile, source, null, hops);
    }

    /** The first call of the plan that needs an MFA code, or {@code null}. */
    public MfaNeed firstMfaNeed() {
        if (session != null) {
            return session.mfaNeed();
        }
        return hops.stream()
                .map(RoleHop::mfaNeed)
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /**
     * Whether hop {@code index} is assumed with the MFA session's credentials and names the same
     * device, so that the session's MFA context stands for its code (as aws-vault chains it).
     */
    public boolean mfaFromSession(int index) {
        return index == 0
                && session != null
                && session.mfaSerial().equals(hops.get(0).mfaSerial());
    }

    /** The plan as explain steps, source first. */
    public List<ChainStep> steps() {
        List<ChainStep> steps = new ArrayList<>();
        steps.add(source.step());
        if (session != null) {
            steps.add(session.step());
        }
        hops.forEach(hop -> steps.add(hop.step()));
        return steps;
    }
}
