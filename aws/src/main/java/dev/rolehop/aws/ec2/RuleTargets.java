package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.python.PythonRepr;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * Turns expanded rule dicts into {@link Rule}s for one group: validates them with amazon.aws's
 * messages, resolves their target (CIDR, prefix list, group id, {@code OWNER/sg-id/name}, or a
 * group name — creating that group from {@code group_desc} when it does not exist), and
 * normalises protocol and ports ({@code all} -> {@code -1}, numeric protocols cover all ports).
 */
final class RuleTargets {

    private static final List<String> VALID_PARAMS = List.of(
            "cidr_ip",
            "cidr_ipv6",
            "ip_prefix",
            "group_id",
            "group_name",
            "group_desc",
            "proto",
            "from_port",
            "to_port",
            "icmp_type",
            "icmp_code",
            "icmp_keys",
            "rule_desc");
    private static final Pattern FOREIGN_GROUP = Pattern.compile("^([^/]+)/?(sg-\\S+)?/(\\S+)");

    private final AwsSession aws;
    private final boolean checkMode;
    private final String name;
    private final SecurityGroup group;
    private final GroupIndex groups;
    private final String vpcId;
    private final Supplier<String> accountId;
    private final Consumer<String> warn;
    private boolean createdGroup;

    RuleTargets(
            AwsSession aws,
            boolean checkMode,
            String name,
            SecurityGroup group,
            GroupIndex groups,
            String vpcId,
            Supplier<String> accountId,
            Consumer<String> warn) {
        this.aws = aws;
        this.checkMode = checkMode;
        this.name = name;
        this.group = group;
        this.groups = groups;
        this.vpcId = vpcId;
        this.accountId = accountId;
        this.warn = warn;
    }

    /** Whether resolving targets created (or, in check mode, would create) a referenced group. */
    boolean createdGroup() {
        return createdGroup;
    }

    /** The rules of the expanded dicts, or {@code null} for {@code null} (rules not given). */
    List<Rule> rules(List<Map<String, Object>> expanded) {
        return expanded == null ? null : expanded.stream().map(this::rule).toList();
    }

    Rule rule(Map<String, Object> given) {
        Map<String, Object> rule = new LinkedHashMap<>(given);
        validate(rule);
        String targetType;
        String cidr = null;
        GroupRef target = null;
        if (rule.get("group_id") != null
                && FOREIGN_GROUP.matcher(String.valueOf(rule.get("group_id"))).find()) {
            targetType = Rule.GROUP;
            target = foreignGroup(String.valueOf(rule.get("group_id")));
        } else if (rule.containsKey("group_id")) {
            targetType = Rule.GROUP;
            target = new GroupRef(accountId.get(), String.valueOf(rule.get("group_id")), null);
        } else if (rule.containsKey("group_name")) {
            targetType = Rule.GROUP;
            target = new GroupRef(accountId.get(), groupIdByName(rule), null);
        } else if (rule.containsKey("cidr_ip")) {
            targetType = Rule.IPV4;
            cidr = Cidrs.normalise(String.valueOf(rule.get("cidr_ip")), warn);
        } else if (rule.containsKey("cidr_ipv6")) {
            targetType = Rule.IPV6;
            cidr = Cidrs.normalise(String.valueOf(rule.get("cidr_ipv6")), warn);
        } else if (rule.containsKey("ip_prefix")) {
            targetType = Rule.PREFIX;
            cidr = String.valueOf(rule.get("ip_prefix"));
        } else {
            throw new ModuleFailure(
                    "Could not match target for rule " + PythonRepr.repr(rule), Map.of("failed_rule", rule));
        }
        rule.remove("icmp_type");
        rule.remove("icmp_code");
        rule.remove("icmp_keys");
        Object proto = rule.getOrDefault("proto", "tcp");
        String protocol = String.valueOf(proto);
        Integer from = port(rule, "from_port");
        Integer to = port(rule, "to_port");
        if (List.of("all", "-1").contains(protocol) || isInteger(protocol)) {
            // "all" and numeric protocols cover every port
            protocol = protocol.equals("all") ? "-1" : protocol.strip();
            from = null;
            to = null;
        } else if (!rule.containsKey("from_port") || !rule.containsKey("to_port")) {
            throw new ModuleFailure("Rule " + PythonRepr.repr(given) + " has no port range for protocol " + protocol
                    + ": give ports, or from_port and to_port (icmp_type and icmp_code for icmp)");
        }
        Object description = rule.get("rule_desc");
        return new Rule(
                from, to, protocol, targetType, cidr, target, description == null ? null : String.valueOf(description));
    }

    private static Integer port(Map<String, Object> rule, String key) {
        Object value = rule.get(key);
        return value instanceof Number n ? Integer.valueOf(n.intValue()) : null;
    }

    private static boolean isInteger(String text) {
        return text.strip().matches("[+-]?\\d+");
    }

    private static void validate(Map<String, Object> rule) {
        for (String key : rule.keySet()) {
            if (!VALID_PARAMS.contains(key)) {
                throw new ModuleFailure("Invalid rule parameter '" + key + "' for rule: " + PythonRepr.repr(rule));
            }
        }
        String error = null;
        if (rule.containsKey("group_id") && rule.containsKey("cidr_ip")) {
            error = "Specify group_id OR cidr_ip, not both";
        } else if (rule.containsKey("group_name") && rule.containsKey("cidr_ip")) {
            error = "Specify group_name OR cidr_ip, not both";
        } else if (rule.containsKey("group_id") && rule.containsKey("cidr_ipv6")) {
            error = "Specify group_id OR cidr_ipv6, not both";
        } else if (rule.containsKey("group_name") && rule.containsKey("cidr_ipv6")) {
            error = "Specify group_name OR cidr_ipv6, not both";
        } else if (rule.containsKey("cidr_ip") && rule.containsKey("cidr_ipv6")) {
            error = "Specify cidr_ip OR cidr_ipv6, not both";
        } else if (rule.containsKey("group_id") && rule.containsKey("group_name")) {
            error = "Specify group_id OR group_name, not both";
        } else if ((rule.containsKey("from_port") || rule.containsKey("to_port"))
                && (rule.containsKey("icmp_type") || rule.containsKey("icmp_code"))
                && !rule.containsKey("icmp_keys")) {
            error = "Specify from_port/to_port OR icmp_type/icmp_code, not both";
        } else if ((rule.containsKey("icmp_type") || rule.containsKey("icmp_code"))
                && !String.valueOf(rule.get("proto")).contains("icmp")) {
            error = "Specify proto: icmp or icmpv6 when using icmp_type/icmp_code";
        }
        if (error != null) {
            throw new ModuleFailure(error);
        }
    }

    /**
     * A group of another account or of AWS: {@code OWNER/sg-id/name}, {@code amazon-elb/amazon-elb-sg}.
     * {@code OWNER/sg-id} is taken as owner and id (amazon.aws would read the id as a name).
     */
    private GroupRef foreignGroup(String spec) {
        Matcher m = FOREIGN_GROUP.matcher(spec);
        m.find();
        String owner = m.group(1);
        String id = m.group(2);
        String groupName = m.group(3);
        if (id == null && groupName.startsWith("sg-") && spec.equals(owner + "/" + groupName)) {
            return new GroupRef(owner, groupName, null);
        }
        if (id != null && groupName != null) {
            // amazon-elb and amazon-prefix groups go by name; otherwise the id is more specific
            return groupName.startsWith("amazon-")
                    ? new GroupRef(owner, null, groupName)
                    : new GroupRef(owner, id, null);
        }
        return new GroupRef(owner, id, groupName);
    }

    private String groupIdByName(Map<String, Object> rule) {
        String groupName = String.valueOf(rule.get("group_name"));
        if (groupName.equals(name)) {
            return group.groupId();
        }
        SecurityGroup known = groups.get(groupName);
        if (known != null && (group.vpcId() != null) == (known.vpcId() != null)) {
            return known.groupId();
        }
        Object desc = rule.get("group_desc");
        if (desc == null || String.valueOf(desc).isBlank()) {
            throw new ModuleFailure("group " + groupName + " will be automatically created by rule "
                    + PythonRepr.repr(rule) + " but no description was provided");
        }
        createdGroup = true;
        if (checkMode) {
            return null;
        }
        var request = CreateSecurityGroupRequest.builder()
                .groupName(groupName)
                .description(String.valueOf(desc))
                .vpcId(vpcId)
                .overrideConfiguration(aws.tag())
                .build();
        String prefix =
                "Could not create or use existing group '" + groupName + "' in rule. Make sure the group exists";
        String id = aws.call(
                        "ec2", "CreateSecurityGroup", prefix, () -> aws.ec2().createSecurityGroup(request))
                .groupId();
        SecurityGroup created = SecurityGroup.builder()
                .groupId(id)
                .groupName(groupName)
                .vpcId(vpcId)
                .build();
        groups.put(id, created);
        groups.put(groupName, created);
        return id;
    }
}
