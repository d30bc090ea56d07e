package dev.rolehop.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RulePlanTest {

    private static final Rule SSH = new Rule(22, 22, "tcp", Rule.IPV4, "10.0.0.0/8", null, null);
    private static final Rule HTTP = new Rule(80, 80, "tcp", Rule.IPV4, "0.0.0.0/0", null, null);

    @Test
    void matchingRulesNeedNothing() {
        var plan = RulePlan.of(List.of(SSH), List.of(Rule.DEFAULT_EGRESS), List.of(SSH), null, true, true, true);
        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void missingRulesAreAuthorized() {
        var plan = RulePlan.of(List.of(SSH), List.of(Rule.DEFAULT_EGRESS), List.of(SSH, HTTP), null, true, true, true);
        assertThat(plan.authorizeIngress()).containsExactly(HTTP);
        assertThat(plan.revokeIngress()).isEmpty();
    }

    @Test
    void extraRulesAreRevokedWhenPurging() {
        var plan = RulePlan.of(List.of(SSH, HTTP), List.of(), List.of(SSH), null, true, true, true);
        assertThat(plan.revokeIngress()).containsExactly(HTTP);
    }

    @Test
    void extraRulesStayWithoutPurge() {
        var plan = RulePlan.of(List.of(SSH, HTTP), List.of(), List.of(SSH), null, false, true, true);
        assertThat(plan.isEmpty()).isTrue();
    }

    @Test
    void omittedRulesWithPurgeRevokeAllIngress() {
        var plan = RulePlan.of(List.of(SSH), List.of(), null, null, true, true, true);
        assertThat(plan.revokeIngress()).containsExactly(SSH);
    }

    @Test
    void aChangedDescriptionIsUpdatedNotReauthorized() {
        Rule described = SSH.withDescription("bastion");
        var plan = RulePlan.of(List.of(SSH), List.of(), List.of(described), null, true, true, true);
        assertThat(plan.describeIngress()).containsExactly(described);
        assertThat(plan.authorizeIngress()).isEmpty();
        assertThat(plan.revokeIngress()).isEmpty();
    }

    @Test
    void theDefaultEgressRuleStaysWhenEgressIsNotGiven() {
        var plan = RulePlan.of(List.of(), List.of(Rule.DEFAULT_EGRESS), List.of(), null, true, true, true);
        assertThat(plan.revokeEgress()).isEmpty();
    }

    @Test
    void anEmptyEgressListRevokesTheDefaultRule() {
        var plan = RulePlan.of(List.of(), List.of(Rule.DEFAULT_EGRESS), List.of(), List.of(), true, true, true);
        assertThat(plan.revokeEgress()).containsExactly(Rule.DEFAULT_EGRESS);
    }

    @Test
    void allPortsEqualMinusOneRangeForTheSameProtocol() {
        Rule icmpAll = new Rule(-1, -1, "icmp", Rule.IPV4, "0.0.0.0/0", null, null);
        Rule icmpNone = new Rule(null, null, "icmp", Rule.IPV4, "0.0.0.0/0", null, null);
        assertThat(icmpAll.sameIgnoringDescription(icmpNone)).isTrue();
    }
}
