package dev.rolehop.aws.ec2;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What must change for a group's rules to become the desired ones, decided as amazon.aws 5.5's
 * {@code ec2_security_group} decides it: rules to revoke (when purging), rules whose description
 * must be updated, and rules to authorize. When {@code rules_egress} is not given, a VPC group's
 * egress is left alone (its default all-traffic rule counts as wanted).
 *
 * @param revokeIngress      current ingress rules matching no desired rule (purge_rules)
 * @param revokeEgress       current egress rules matching no desired rule (purge_rules_egress, rules_egress given)
 * @param describeIngress    desired ingress rules that exist with another description
 * @param describeEgress     desired egress rules that exist with another description
 * @param authorizeIngress   desired ingress rules that do not exist
 * @param authorizeEgress    desired egress rules that do not exist
 */
record RulePlan(
        List<Rule> revokeIngress,
        List<Rule> revokeEgress,
        List<Rule> describeIngress,
        List<Rule> describeEgress,
        List<Rule> authorizeIngress,
        List<Rule> authorizeEgress) {

    RulePlan {
        revokeIngress = List.copyOf(revokeIngress);
        revokeEgress = List.copyOf(revokeEgress);
        describeIngress = List.copyOf(describeIngress);
        describeEgress = List.copyOf(describeEgress);
        authorizeIngress = List.copyOf(authorizeIngress);
        authorizeEgress = List.copyOf(authorizeEgress);
    }

    /**
     * Plans the changes.
     *
     * @param currentIngress the group's ingress rules
     * @param currentEgress  the group's egress rules
     * @param desiredIngress the wanted ingress rules, {@code null} when {@code rules} was not given
     * @param desiredEgress  the wanted egress rules, {@code null} when {@code rules_egress} was not given
     * @param purgeIngress   purge_rules
     * @param purgeEgress    purge_rules_egress
     * @param inVpc          whether the group is in a VPC (so has egress rules)
     */
    static RulePlan of(
            List<Rule> currentIngress,
            List<Rule> currentEgress,
            List<Rule> desiredIngress,
            List<Rule> desiredEgress,
            boolean purgeIngress,
            boolean purgeEgress,
            boolean inVpc) {
        List<Rule> wantedIn = new ArrayList<>(new LinkedHashSet<>(desiredIngress == null ? List.of() : desiredIngress));
        List<Rule> wantedOut = new ArrayList<>(new LinkedHashSet<>(desiredEgress == null ? List.of() : desiredEgress));
        Set<Rule> currentIn = new LinkedHashSet<>(currentIngress);
        Set<Rule> currentOut = new LinkedHashSet<>(currentEgress);
        if (desiredEgress == null && inVpc) {
            // Without rules_egress the default egress rule is wanted if present, and never added.
            if (currentOut.contains(Rule.DEFAULT_EGRESS)) {
                wantedOut.add(Rule.DEFAULT_EGRESS);
            } else {
                currentOut.add(Rule.DEFAULT_EGRESS);
            }
        }
        List<Rule> presentIn = union(wantedIn, currentIn);
        List<Rule> presentOut = union(wantedOut, currentOut);

        List<Rule> revokeIn = purgeIngress ? unmatched(presentIn, wantedIn) : List.of();
        List<Rule> revokeOut = purgeEgress && desiredEgress != null ? unmatched(presentOut, wantedOut) : List.of();

        List<Rule> describeOut = redescribed(presentOut, wantedOut);
        List<Rule> describeIn = redescribed(presentIn, wantedIn);

        return new RulePlan(
                revokeIn,
                revokeOut,
                describeIn,
                describeOut,
                missing(wantedIn, currentIn),
                missing(wantedOut, currentOut));
    }

    /** Whether nothing needs to change. */
    boolean isEmpty() {
        return revokeIngress.isEmpty()
                && revokeEgress.isEmpty()
                && describeIngress.isEmpty()
                && describeEgress.isEmpty()
                && authorizeIngress.isEmpty()
                && authorizeEgress.isEmpty();
    }

    private static List<Rule> union(List<Rule> wanted, Set<Rule> current) {
        Set<Rule> all = new LinkedHashSet<>(wanted);
        all.addAll(current);
        return new ArrayList<>(all);
    }

    private static List<Rule> unmatched(List<Rule> present, List<Rule> wanted) {
        return present.stream()
                .filter(p -> wanted.stream().noneMatch(p::sameIgnoringDescription))
                .toList();
    }

    /** Takes out of {@code wanted} (and returns) the rules that exist with another description. */
    private static List<Rule> redescribed(List<Rule> present, List<Rule> wanted) {
        List<Rule> updates = new ArrayList<>();
        for (Rule existing : present) {
            List<Rule> needUpdate = wanted.stream()
                    .filter(r -> r.sameIgnoringDescription(existing)
                            && !Objects.equals(r.description(), existing.description()))
                    .toList();
            wanted.removeAll(needUpdate);
            updates.addAll(needUpdate);
        }
        return updates;
    }

    private static List<Rule> missing(List<Rule> wanted, Set<Rule> current) {
        return new LinkedHashSet<>(wanted)
                .stream().filter(r -> !current.contains(r)).toList();
    }
}
