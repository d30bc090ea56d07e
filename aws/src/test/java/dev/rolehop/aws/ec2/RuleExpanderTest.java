package dev.rolehop.aws.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleExpanderTest {

    private static Map<String, Object> rule(Object... keyValues) {
        Map<String, Object> rule = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            rule.put((String) keyValues[i], keyValues[i + 1]);
        }
        return rule;
    }

    @Test
    void aListOfPortsBecomesOneRulePerPort() {
        var expanded =
                RuleExpander.expand(List.of(rule("proto", "tcp", "ports", List.of(80, 443), "cidr_ip", "10.0.0.0/8")));
        assertThat(expanded)
                .containsExactly(
                        rule("proto", "tcp", "cidr_ip", "10.0.0.0/8", "from_port", 80, "to_port", 80),
                        rule("proto", "tcp", "cidr_ip", "10.0.0.0/8", "from_port", 443, "to_port", 443));
    }

    @Test
    void aPortRangeStringIsSplitAndOrdered() {
        var expanded =
                RuleExpander.expand(List.of(rule("proto", "tcp", "ports", "8100-8000", "cidr_ip", "10.0.0.0/8")));
        assertThat(expanded.get(0)).containsEntry("from_port", 8000).containsEntry("to_port", 8100);
    }

    @Test
    void aSingleStringPortIsANumber() {
        var expanded = RuleExpander.expand(List.of(rule("proto", "tcp", "ports", "22", "cidr_ip", "10.0.0.0/8")));
        assertThat(expanded.get(0)).containsEntry("from_port", 22).containsEntry("to_port", 22);
    }

    @Test
    void aListOfSourcesBecomesOneRulePerSource() {
        var expanded = RuleExpander.expand(List.of(rule(
                "proto",
                "tcp",
                "from_port",
                22,
                "to_port",
                22,
                "cidr_ip",
                List.of("10.0.0.0/8", List.of("192.168.0.0/16")))));
        assertThat(expanded).extracting(r -> r.get("cidr_ip")).containsExactly("10.0.0.0/8", "192.168.0.0/16");
    }

    @Test
    void icmpTypeAndCodeBecomePorts() {
        var expanded = RuleExpander.expand(
                List.of(rule("proto", "icmp", "icmp_type", 8, "icmp_code", -1, "cidr_ip", "0.0.0.0/0")));
        assertThat(expanded.get(0))
                .containsEntry("from_port", 8)
                .containsEntry("to_port", -1)
                .containsEntry("icmp_keys", true);
    }

    @Test
    void duplicateRulesAreDropped() {
        var expanded = RuleExpander.expand(List.of(
                rule("proto", "tcp", "ports", 22, "cidr_ip", "10.0.0.0/8"),
                rule("proto", "tcp", "ports", "22", "cidr_ip", "10.0.0.0/8")));
        assertThat(expanded).hasSize(1);
    }

    @Test
    void rulesNotGivenStayNotGiven() {
        assertThat(RuleExpander.expand(null)).isNull();
    }

    @Test
    void aRuleThatIsNotADictIsRejected() {
        assertThatThrownBy(() -> RuleExpander.expand(List.of("tcp 22")))
                .hasMessage("Invalid rule parameter type [<class 'str'>].");
    }

    @Test
    void aPortThatIsNotANumberIsNamed() {
        assertThatThrownBy(() ->
                        RuleExpander.expand(List.of(rule("proto", "tcp", "ports", "ssh", "cidr_ip", "1.2.3.4/32"))))
                .hasMessageStartingWith("Invalid port 'ssh' in rule {'proto': 'tcp', 'ports': 'ssh'");
    }
}
