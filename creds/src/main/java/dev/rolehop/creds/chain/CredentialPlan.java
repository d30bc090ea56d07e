package dev.rolehop.creds.chain;

import dev.rolehop.creds.ChainStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How a profile's credentials are obtained: a source, then the roles to assume in order (the
 * first with the source's credentials, each next one with the previous role's).
 *
 * @param profile the profile asked for
 * @param source where the first credentials come from
 * @param hops the roles to assume, source side first; empty when the source is the answer
 */
public record CredentialPlan(String profile, CredentialSource source, List<RoleHop> hops) {

    /** Copies the hops. */
    public CredentialPlan {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(source, "source");
        hops = List.copyOf(hops);
    }

    /** The plan as explain steps, source first. */
    public List<ChainStep> steps() {
        List<ChainStep> steps = new ArrayList<>();
        steps.add(source.step());
        hops.forEach(hop -> steps.add(hop.step()));
        return steps;
    }
}
