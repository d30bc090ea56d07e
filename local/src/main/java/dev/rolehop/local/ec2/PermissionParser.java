package dev.rolehop.local.ec2;

import dev.rolehop.local.state.RuleSource;
import dev.rolehop.local.state.SecurityGroupRule;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.world.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the rules of Authorize/Revoke calls into single-peer {@link SecurityGroupRule}s:
 * {@code IpPermissions.N.*} (with {@code IpRanges}, {@code Ipv6Ranges}, {@code Groups},
 * {@code PrefixListIds}) and the older top-level {@code IpProtocol}/{@code CidrIp}/
 * {@code SourceSecurityGroupName} form. Group peers come back with the caller's account
 * when no {@code UserId} is given; their existence is checked by the caller.
 */
final class PermissionParser {

    private static final Pattern CIDR4 =
            Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
    private static final Pattern CIDR6 = Pattern.compile("[0-9a-fA-F:]+/\\d{1,3}");

    private PermissionParser() {}

    /** The rules of a request; group peers named by name carry the name as peer with a "name:" prefix. */
    static List<SecurityGroupRule> parse(QueryParams params, boolean egress, String callerAccount) {
        List<SecurityGroupRule> rules = new ArrayList<>();
        for (QueryParams p : params.members("IpPermissions")) {
            String protocol = protocol(p.get("IpProtocol")
                    .orElseThrow(() ->
                            AwsErrorCode.MISSING_PARAMETER.error("The request must contain the parameter ipProtocol")));
            int[] ports = ports(
                    protocol, p.get("FromPort").orElse(null), p.get("ToPort").orElse(null));
            for (QueryParams r : p.members("IpRanges")) {
                rules.add(rule(
                        egress,
                        protocol,
                        ports,
                        RuleSource.CIDR_IPV4,
                        cidr4(r.required("CidrIp")),
                        null,
                        r.get("Description").orElse(null)));
            }
            for (QueryParams r : p.members("Ipv6Ranges")) {
                rules.add(rule(
                        egress,
                        protocol,
                        ports,
                        RuleSource.CIDR_IPV6,
                        cidr6(r.required("CidrIpv6")),
                        null,
                        r.get("Description").orElse(null)));
            }
            for (QueryParams r : p.members("PrefixListIds")) {
                rules.add(rule(
                        egress,
                        protocol,
                        ports,
                        RuleSource.PREFIX_LIST,
                        r.required("PrefixListId"),
                        null,
                        r.get("Description").orElse(null)));
            }
            for (QueryParams r : p.members("Groups")) {
                String account = r.get("UserId").orElse(callerAccount);
                String peer = r.get("GroupId")
                        .orElseGet(() -> "name:"
                                + r.get("GroupName")
                                        .orElseThrow(() -> AwsErrorCode.MISSING_PARAMETER.error(
                                                "The request must contain the parameter groupId")));
                rules.add(rule(
                        egress,
                        protocol,
                        ports,
                        RuleSource.GROUP,
                        peer,
                        account,
                        r.get("Description").orElse(null)));
            }
        }
        legacy(params, egress, callerAccount, rules);
        if (rules.isEmpty()) {
            throw AwsErrorCode.MISSING_PARAMETER.error(
                    "No inbound rule specified: give IpPermissions with at least one range, group or prefix list.");
        }
        return rules;
    }

    private static void legacy(
            QueryParams params, boolean egress, String callerAccount, List<SecurityGroupRule> rules) {
        if (params.get("CidrIp").isEmpty()
                && params.get("SourceSecurityGroupName").isEmpty()) {
            return;
        }
        String protocol = protocol(params.get("IpProtocol").orElse("-1"));
        int[] ports = ports(
                protocol,
                params.get("FromPort").orElse(null),
                params.get("ToPort").orElse(null));
        params.get("CidrIp")
                .ifPresent(c -> rules.add(rule(egress, protocol, ports, RuleSource.CIDR_IPV4, cidr4(c), null, null)));
        params.get("SourceSecurityGroupName")
                .ifPresent(n -> rules.add(rule(
                        egress,
                        protocol,
                        ports,
                        RuleSource.GROUP,
                        "name:" + n,
                        params.get("SourceSecurityGroupOwnerId").orElse(callerAccount),
                        null)));
    }

    private static SecurityGroupRule rule(
            boolean egress,
            String protocol,
            int[] ports,
            RuleSource source,
            String peer,
            String account,
            String description) {
        Ec2Validation.ruleDescription(description);
        return new SecurityGroupRule(
                Ids.randomHex("sgr-"), egress, protocol, ports[0], ports[1], source, peer, account, description);
    }

    /** EC2's protocol names: numbers of tcp/udp/icmp/icmpv6 become names, {@code all} becomes -1. */
    static String protocol(String raw) {
        String p = raw.toLowerCase(Locale.ROOT);
        return switch (p) {
            case "6", "tcp" -> "tcp";
            case "17", "udp" -> "udp";
            case "1", "icmp" -> "icmp";
            case "58", "icmpv6" -> "icmpv6";
            case "-1", "all" -> "-1";
            default -> {
                if (p.matches("\\d{1,3}") && Integer.parseInt(p) <= 255) {
                    yield p;
                }
                throw AwsErrorCode.INVALID_PARAMETER_VALUE.error(
                        "Invalid value '" + raw + "' for IP protocol. Unknown protocol.");
            }
        };
    }

    private static int[] ports(String protocol, String from, String to) {
        boolean ported = protocol.equals("tcp")
                || protocol.equals("udp")
                || protocol.equals("icmp")
                || protocol.equals("icmpv6");
        if (!ported) {
            return new int[] {-1, -1};
        }
        if (from == null || to == null) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Invalid value 'null' for portRange. Must specify both "
                    + "from and to ports with " + protocol.toUpperCase(Locale.ROOT) + "/UDP.");
        }
        int f = number(from, "fromPort");
        int t = number(to, "toPort");
        boolean tcpUdp = protocol.equals("tcp") || protocol.equals("udp");
        if (tcpUdp && (f < 0 || t > 65535 || f > t)) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Invalid TCP/UDP port range: " + from + " - " + to
                    + " (from port must be 0-65535 and not above the to port)");
        }
        return new int[] {f, t};
    }

    private static int number(String text, String field) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("Invalid value '" + text + "' for " + field + ".");
        }
    }

    private static String cidr4(String cidr) {
        var m = CIDR4.matcher(cidr);
        boolean ok = m.matches();
        for (int i = 1; ok && i <= 4; i++) {
            ok = Integer.parseInt(m.group(i)) <= 255;
        }
        if (!ok || Integer.parseInt(m.group(5)) > 32) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("CIDR block " + cidr + " is malformed");
        }
        return cidr;
    }

    private static String cidr6(String cidr) {
        if (!CIDR6.matcher(cidr).matches()) {
            throw AwsErrorCode.INVALID_PARAMETER_VALUE.error("CIDR block " + cidr + " is malformed");
        }
        return cidr.toLowerCase(Locale.ROOT);
    }
}
