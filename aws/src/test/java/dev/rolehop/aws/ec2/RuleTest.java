package dev.rolehop.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Rules are compared as sets (what to add, what to revoke): equal exactly when every field is. */
class RuleTest {

    private static final GroupRef WEB = new GroupRef("111111111111", "sg-1", null);

    @Test
    void rulesAreEqualOnlyWhenEveryFieldIs() {
        Rule rule = new Rule(22, 22, "tcp", Rule.GROUP, null, WEB, "ssh");
        assertThat(rule)
                .isEqualTo(new Rule(22, 22, "tcp", Rule.GROUP, null, WEB, "ssh"))
                .hasSameHashCodeAs(new Rule(22, 22, "tcp", Rule.GROUP, null, WEB, "ssh"))
                .isNotEqualTo(new Rule(21, 22, "tcp", Rule.GROUP, null, WEB, "ssh"))
                .isNotEqualTo(new Rule(22, 23, "tcp", Rule.GROUP, null, WEB, "ssh"))
                .isNotEqualTo(new Rule(22, 22, "udp", Rule.GROUP, null, WEB, "ssh"))
                .isNotEqualTo(new Rule(22, 22, "tcp", Rule.IPV4, null, WEB, "ssh"))
                .isNotEqualTo(new Rule(22, 22, "tcp", Rule.GROUP, "10.0.0.0/8", WEB, "ssh"))
                .isNotEqualTo(
                        new Rule(22, 22, "tcp", Rule.GROUP, null, new GroupRef("111111111111", "sg-2", null), "ssh"))
                .isNotEqualTo(new Rule(22, 22, "tcp", Rule.GROUP, null, WEB, null));
        assertThat(Rule.DEFAULT_EGRESS)
                .isEqualTo(new Rule(null, null, "-1", Rule.IPV4, "0.0.0.0/0", null, null))
                .hasSameHashCodeAs(new Rule(null, null, "-1", Rule.IPV4, "0.0.0.0/0", null, null))
                .isNotEqualTo(new Rule(-1, -1, "-1", Rule.IPV4, "0.0.0.0/0", null, null));
    }
}
