package dev.rolehop.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

class RuleTargetsTest {

    private final SecurityGroup self = SecurityGroup.builder()
            .groupId("sg-self")
            .groupName("web")
            .vpcId("vpc-1")
            .ownerId("111111111111")
            .build();
    private final SecurityGroup other = SecurityGroup.builder()
            .groupId("sg-db")
            .groupName("db")
            .vpcId("vpc-1")
            .ownerId("111111111111")
            .build();
    private final List<String> warnings = new ArrayList<>();
    private final RuleTargets targets = new RuleTargets(
            null,
            false,
            "web",
            self,
            new GroupIndex(List.of(self, other), "vpc-1"),
            "vpc-1",
            () -> "111111111111",
            warnings::add);

    private static Map<String, Object> rule(Object... keyValues) {
        Map<String, Object> rule = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            rule.put((String) keyValues[i], keyValues[i + 1]);
        }
        return rule;
    }

    @Test
    void aCidrRuleKeepsItsPortsAndDescription() {
        assertThat(targets.rule(rule(
                        "proto", "tcp", "from_port", 22, "to_port", 22, "cidr_ip", "10.0.0.0/8", "rule_desc", "ssh")))
                .isEqualTo(new Rule(22, 22, "tcp", Rule.IPV4, "10.0.0.0/8", null, "ssh"));
    }

    @Test
    void protocolAllCoversEveryPort() {
        assertThat(targets.rule(rule("proto", "all", "cidr_ip", "0.0.0.0/0")))
                .isEqualTo(new Rule(null, null, "-1", Rule.IPV4, "0.0.0.0/0", null, null));
    }

    @Test
    void aNumericProtocolCoversEveryPort() {
        assertThat(targets.rule(rule("proto", 50, "from_port", 1, "to_port", 2, "cidr_ip", "0.0.0.0/0")))
                .isEqualTo(new Rule(null, null, "50", Rule.IPV4, "0.0.0.0/0", null, null));
    }

    @Test
    void hostBitsAreClearedWithAWarning() {
        Rule rule = targets.rule(rule("proto", "tcp", "from_port", 22, "to_port", 22, "cidr_ip", "10.1.2.3/8"));
        assertThat(rule.cidr()).isEqualTo("10.0.0.0/8");
        assertThat(warnings)
                .containsExactly(
                        "One of your CIDR addresses (10.1.2.3/8) has host bits set. To get rid "
                                + "of this warning, check the network mask and make sure that only network bits are set: 10.0.0.0/8.");
    }

    @Test
    void aGroupNameOfTheGroupItselfIsALoopback() {
        assertThat(targets.rule(rule("proto", "tcp", "from_port", 80, "to_port", 80, "group_name", "web"))
                        .group())
                .isEqualTo(new GroupRef("111111111111", "sg-self", null));
    }

    @Test
    void aGroupNameOfAnotherGroupIsItsId() {
        assertThat(targets.rule(rule("proto", "tcp", "from_port", 5432, "to_port", 5432, "group_name", "db"))
                        .group())
                .isEqualTo(new GroupRef("111111111111", "sg-db", null));
    }

    @Test
    void anUnknownGroupWithoutDescriptionIsRejected() {
        assertThatThrownBy(() -> targets.rule(rule("proto", "tcp", "from_port", 1, "to_port", 1, "group_name", "nope")))
                .hasMessage("group nope will be automatically created by rule {'proto': 'tcp', 'from_port': 1, "
                        + "'to_port': 1, 'group_name': 'nope'} but no description was provided");
    }

    @Test
    void aForeignGroupWithOwnerIdAndNameUsesTheId() {
        assertThat(targets.rule(rule(
                                "proto", "tcp", "from_port", 1, "to_port", 1, "group_id", "222222222222/sg-123/lab"))
                        .group())
                .isEqualTo(new GroupRef("222222222222", "sg-123", null));
    }

    @Test
    void aForeignGroupWithOwnerAndIdUsesTheId() {
        assertThat(targets.rule(rule("proto", "tcp", "from_port", 1, "to_port", 1, "group_id", "222222222222/sg-123"))
                        .group())
                .isEqualTo(new GroupRef("222222222222", "sg-123", null));
    }

    @Test
    void anAmazonGroupGoesByName() {
        assertThat(targets.rule(rule(
                                "proto",
                                "tcp",
                                "from_port",
                                1,
                                "to_port",
                                1,
                                "group_id",
                                "amazon-elb/sg-87654321/amazon-elb-sg"))
                        .group())
                .isEqualTo(new GroupRef("amazon-elb", null, "amazon-elb-sg"));
    }

    @Test
    void unknownRuleKeysAreRejectedWithTheRule() {
        assertThatThrownBy(() -> targets.rule(rule("proto", "tcp", "cidr_ip", "1.2.3.4/32", "port", 22)))
                .hasMessage(
                        "Invalid rule parameter 'port' for rule: {'proto': 'tcp', 'cidr_ip': '1.2.3.4/32', 'port': 22}");
    }

    @Test
    void icmpKeysNeedAnIcmpProtocol() {
        assertThatThrownBy(() -> targets.rule(rule("proto", "tcp", "icmp_type", 8, "cidr_ip", "1.2.3.4/32")))
                .hasMessage("Specify proto: icmp or icmpv6 when using icmp_type/icmp_code");
    }

    @Test
    void portsAndIcmpKeysTogetherAreRejected() {
        assertThatThrownBy(() ->
                        targets.rule(rule("proto", "icmp", "from_port", 8, "icmp_type", 8, "cidr_ip", "1.2.3.4/32")))
                .hasMessage("Specify from_port/to_port OR icmp_type/icmp_code, not both");
    }

    @Test
    void aTcpRuleWithoutPortsNamesTheFix() {
        assertThatThrownBy(() -> targets.rule(rule("proto", "tcp", "cidr_ip", "1.2.3.4/32")))
                .hasMessageContaining("give ports, or from_port and to_port");
    }
}
