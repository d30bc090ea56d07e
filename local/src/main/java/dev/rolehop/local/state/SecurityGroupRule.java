package dev.rolehop.local.state;

import java.util.Objects;

/**
 * One rule of a security group: a protocol and port range with exactly one peer, as AWS stores
 * rules (an {@code IpPermission} with several ranges becomes several rules).
 *
 * @param protocol {@code tcp}, {@code udp}, {@code icmp}, {@code icmpv6}, {@code -1} (all) or a number
 * @param fromPort the first port (ICMP type), or -1 when the protocol has no ports
 * @param toPort the last port (ICMP code), or -1
 * @param peer a CIDR, a group id or a prefix list id, by {@code source}
 * @param peerAccount the account of a {@link RuleSource#GROUP} peer, else null
 */
public record SecurityGroupRule(
        String id,
        boolean egress,
        String protocol,
        int fromPort,
        int toPort,
        RuleSource source,
        String peer,
        String peerAccount,
        String description) {

    public SecurityGroupRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(peer, "peer");
    }

    /** Whether two rules allow the same traffic (ids and descriptions aside), AWS's duplicate test. */
    public boolean sameTraffic(SecurityGroupRule other) {
        return egress == other.egress
                && protocol.equals(other.protocol)
                && fromPort == other.fromPort
                && toPort == other.toPort
                && source == other.source
                && peer.equals(other.peer);
    }

    /** This rule with another description. */
    public SecurityGroupRule withDescription(String newDescription) {
        return new SecurityGroupRule(id, egress, protocol, fromPort, toPort, source, peer, peerAccount, newDescription);
    }
}
