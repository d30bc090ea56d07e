package dev.rolehop.aws.ec2;

import java.util.Objects;

/**
 * One rule of a security group: a protocol and port range towards one target (an IPv4 or IPv6
 * CIDR, a prefix list or a group), with an optional description. Equality covers every field, as
 * amazon.aws's {@code Rule} named tuple; {@link #sameIgnoringDescription} is its {@code rule_cmp}.
 *
 * @param fromPort   the first port (or ICMP type), {@code null} for all
 * @param toPort     the last port (or ICMP code), {@code null} for all
 * @param protocol   {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, {@code -1} or a number
 * @param targetType {@code ipv4}, {@code ipv6}, {@code ip_prefix} or {@code group}
 * @param cidr       the CIDR or prefix list id for non-group targets, else {@code null}
 * @param group      the group for group targets, else {@code null}
 * @param description the rule description, or {@code null}
 */
record Rule(
        Integer fromPort,
        Integer toPort,
        String protocol,
        String targetType,
        String cidr,
        GroupRef group,
        String description) {

    static final String IPV4 = "ipv4";
    static final String IPV6 = "ipv6";
    static final String PREFIX = "ip_prefix";
    static final String GROUP = "group";

    /** The all-traffic egress rule AWS adds to every new VPC security group. */
    static final Rule DEFAULT_EGRESS = new Rule(null, null, "-1", IPV4, "0.0.0.0/0", null, null);

    /** amazon.aws's {@code rule_cmp}: equal apart from the description; all ports equal "-1 to -1" for one protocol. */
    boolean sameIgnoringDescription(Rule other) {
        boolean ports = Objects.equals(fromPort, other.fromPort) && Objects.equals(toPort, other.toPort)
                || protocol.equals(other.protocol) && allPorts() && other.allPorts();
        return ports
                && protocol.equals(other.protocol)
                && targetType.equals(other.targetType)
                && Objects.equals(cidr, other.cidr)
                && Objects.equals(group, other.group);
    }

    private boolean allPorts() {
        return fromPort == null && toPort == null
                || Integer.valueOf(-1).equals(fromPort) && Integer.valueOf(-1).equals(toPort);
    }

    // equals and hashCode spelled out: a record's are linked by an invokedynamic bootstrap on first
    // use, on every ec2_group run's critical path (rules are compared as sets); see AwsClients.
    @Override
    public boolean equals(Object other) {
        return other instanceof Rule rule
                && Objects.equals(fromPort, rule.fromPort)
                && Objects.equals(toPort, rule.toPort)
                && Objects.equals(protocol, rule.protocol)
                && Objects.equals(targetType, rule.targetType)
                && Objects.equals(cidr, rule.cidr)
                && Objects.equals(group, rule.group)
                && Objects.equals(description, rule.description);
    }

    @Override
    public int hashCode() {
        return Objects.hash(fromPort, toPort, protocol, targetType, cidr, group, description);
    }

    Rule withDescription(String newDescription) {
        return new Rule(fromPort, toPort, protocol, targetType, cidr, group, newDescription);
    }
}
