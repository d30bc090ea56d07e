package dev.rolehop.local.state;

/** What a security group rule allows traffic from (ingress) or to (egress). */
public enum RuleSource {
    CIDR_IPV4,
    CIDR_IPV6,
    GROUP,
    PREFIX_LIST
}
