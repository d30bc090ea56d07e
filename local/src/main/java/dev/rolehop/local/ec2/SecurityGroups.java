package dev.rolehop.local.ec2;

import dev.rolehop.local.service.ServiceCall;
import dev.rolehop.local.state.RegionState;
import dev.rolehop.local.state.RuleSource;
import dev.rolehop.local.state.SecurityGroup;
import dev.rolehop.local.state.SecurityGroupRule;
import dev.rolehop.local.state.WorldState;
import dev.rolehop.local.wire.AwsErrorCode;
import dev.rolehop.local.wire.QueryParams;
import dev.rolehop.local.wire.XmlWriter;
import dev.rolehop.local.world.DefaultVpc;
import dev.rolehop.local.world.Ids;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** EC2 security group actions: create, delete, describe, authorize and revoke rules. */
final class SecurityGroups {

    private static final Set<String> FILTERS = Set.of(
            "group-name",
            "group-id",
            "vpc-id",
            "description",
            "owner-id",
            "ip-permission.cidr",
            "ip-permission.protocol",
            "ip-permission.from-port",
            "ip-permission.to-port",
            "ip-permission.group-id",
            "egress.ip-permission.cidr");

    /** The rules an Authorize call added to a group. */
    private record Added(String groupId, List<SecurityGroupRule> rules) {}

    private final WorldState state;

    SecurityGroups(WorldState state) {
        this.state = state;
    }

    String create(ServiceCall call, DefaultVpc vpc) {
        QueryParams p = call.params();
        String name = p.required("GroupName");
        String description = p.required("GroupDescription");
        String vpcId = p.get("VpcId").orElse(vpc.vpcId());
        Ec2Validation.groupName(name);
        Ec2Validation.groupDescription(description);
        if (name.equals("default")) {
            throw AwsErrorCode.INVALID_GROUP_RESERVED.error("The security group 'default' is reserved");
        }
        Map<String, String> tags = TagSpecifications.tags(p, "security-group");
        Ec2Validation.tagCount(List.of(), tags.keySet());
        String id = Ids.randomHex("sg-");
        SecurityGroup group = new SecurityGroup(
                id,
                name,
                description,
                vpcId,
                call.caller().accountId(),
                List.of(new SecurityGroupRule(
                        Ids.randomHex("sgr-"), true, "-1", -1, -1, RuleSource.CIDR_IPV4, "0.0.0.0/0", null, null)));
        state.change(call.caller().accountId(), call.region(), r -> {
            Vpcs.find(r, vpcId);
            if (r.groups().stream()
                    .anyMatch(g -> g.name().equals(name) && g.vpcId().equals(vpcId))) {
                throw AwsErrorCode.INVALID_GROUP_DUPLICATE.error(
                        "The security group '" + name + "' already exists for VPC '" + vpcId + "'");
            }
            r.put(group);
            tags.forEach((k, v) -> r.tag(id, k, v));
            return null;
        });
        XmlWriter xml = Ec2Xml.start("CreateSecurityGroup", call.requestId())
                .element("return", true)
                .element("groupId", id);
        if (!tags.isEmpty()) {
            Ec2Xml.tagSet(xml, tags);
        }
        xml.element(
                "securityGroupArn",
                "arn:aws:ec2:" + call.region() + ":" + call.caller().accountId() + ":security-group/" + id);
        return Ec2Xml.end(xml, "CreateSecurityGroup");
    }

    String delete(ServiceCall call, DefaultVpc vpc) {
        String id = state.change(call.caller().accountId(), call.region(), r -> {
            SecurityGroup g = target(call.params(), r, vpc);
            if (g.id().equals(vpc.defaultGroupId())) {
                throw AwsErrorCode.CANNOT_DELETE.error(
                        "the specified group: \"" + g.id() + "\" name: \"default\" cannot be deleted by a user");
            }
            boolean referenced = state.readAll(all -> all.values().stream()
                    .flatMap(x -> x.groups().stream())
                    .anyMatch(other -> !other.id().equals(g.id())
                            && other.rules().stream()
                                    .anyMatch(rule -> rule.source() == RuleSource.GROUP
                                            && rule.peer().equals(g.id()))));
            if (referenced) {
                throw AwsErrorCode.DEPENDENCY_VIOLATION.error("resource " + g.id() + " has a dependent object");
            }
            r.remove(g.id());
            return g.id();
        });
        XmlWriter xml = Ec2Xml.start("DeleteSecurityGroup", call.requestId())
                .element("return", true)
                .element("groupId", id);
        return Ec2Xml.end(xml, "DeleteSecurityGroup");
    }

    String describe(ServiceCall call, DefaultVpc vpc) {
        QueryParams p = call.params();
        Filters filters = Filters.parse(p, FILTERS);
        List<String> ids = p.values("GroupId");
        List<String> names = p.values("GroupName");
        XmlWriter xml = Ec2Xml.start("DescribeSecurityGroups", call.requestId()).open("securityGroupInfo");
        state.read(call.caller().accountId(), call.region(), r -> {
            for (String id : ids) {
                checkId(id);
                if (r.group(id).isEmpty()) {
                    throw notFound(id);
                }
            }
            for (String name : names) {
                if (r.groups().stream()
                        .noneMatch(g -> g.name().equals(name) && g.vpcId().equals(vpc.vpcId()))) {
                    throw AwsErrorCode.INVALID_GROUP_NOT_FOUND.error(
                            "The security group '" + name + "' does not exist in default VPC '" + vpc.vpcId() + "'");
                }
            }
            for (SecurityGroup g : r.groups()) {
                boolean selected = (ids.isEmpty() || ids.contains(g.id()))
                        && (names.isEmpty()
                                || (names.contains(g.name()) && g.vpcId().equals(vpc.vpcId())));
                Map<String, String> tags = r.tags(g.id());
                if (selected && filters.matches(f -> fields(g, f), tags)) {
                    Ec2Xml.group(xml, g, tags, call.region());
                }
            }
            return null;
        });
        xml.close("securityGroupInfo");
        return Ec2Xml.end(xml, "DescribeSecurityGroups");
    }

    private static List<String> fields(SecurityGroup g, String filter) {
        List<String> out = new ArrayList<>();
        boolean egress = filter.startsWith("egress.");
        for (SecurityGroupRule r : g.rules()) {
            if (r.egress() != egress) {
                continue;
            }
            switch (filter.replace("egress.", "")) {
                case "ip-permission.cidr" -> {
                    if (r.source() == RuleSource.CIDR_IPV4) {
                        out.add(r.peer());
                    }
                }
                case "ip-permission.group-id" -> {
                    if (r.source() == RuleSource.GROUP) {
                        out.add(r.peer());
                    }
                }
                case "ip-permission.protocol" -> out.add(r.protocol());
                case "ip-permission.from-port" -> out.add(String.valueOf(r.fromPort()));
                case "ip-permission.to-port" -> out.add(String.valueOf(r.toPort()));
                default -> {
                    // Not a rule field; answered below.
                }
            }
        }
        return switch (filter) {
            case "group-name" -> List.of(g.name());
            case "group-id" -> List.of(g.id());
            case "vpc-id" -> List.of(g.vpcId());
            case "description" -> List.of(g.description());
            case "owner-id" -> List.of(g.ownerId());
            default -> out;
        };
    }

    String authorize(ServiceCall call, DefaultVpc vpc, boolean egress) {
        String action = egress ? "AuthorizeSecurityGroupEgress" : "AuthorizeSecurityGroupIngress";
        Added added = state.change(call.caller().accountId(), call.region(), r -> {
            SecurityGroup g = target(call.params(), r, vpc);
            List<SecurityGroupRule> wanted = requestedRules(call, r, vpc, egress);
            List<SecurityGroupRule> rules = new ArrayList<>(g.rules());
            for (SecurityGroupRule w : wanted) {
                if (rules.stream().anyMatch(w::sameTraffic)) {
                    throw AwsErrorCode.INVALID_PERMISSION_DUPLICATE.error(
                            "the specified rule \"" + describe(w) + "\" already exists");
                }
                rules.add(w);
            }
            r.put(g.withRules(rules));
            return new Added(g.id(), wanted);
        });
        XmlWriter xml =
                Ec2Xml.start(action, call.requestId()).element("return", true).open("securityGroupRuleSet");
        for (SecurityGroupRule rule : added.rules()) {
            xml.open("item")
                    .element("securityGroupRuleId", rule.id())
                    .element("groupId", added.groupId())
                    .element("groupOwnerId", call.caller().accountId())
                    .element("isEgress", rule.egress())
                    .element("ipProtocol", rule.protocol())
                    .element("fromPort", rule.fromPort())
                    .element("toPort", rule.toPort());
            switch (rule.source()) {
                case CIDR_IPV4 -> xml.element("cidrIpv4", rule.peer());
                case CIDR_IPV6 -> xml.element("cidrIpv6", rule.peer());
                case PREFIX_LIST -> xml.element("prefixListId", rule.peer());
                case GROUP ->
                    xml.open("referencedGroupInfo")
                            .element("groupId", rule.peer())
                            .element("userId", rule.peerAccount())
                            .close("referencedGroupInfo");
            }
            xml.element("description", rule.description()).close("item");
        }
        xml.close("securityGroupRuleSet");
        return Ec2Xml.end(xml, action);
    }

    String revoke(ServiceCall call, DefaultVpc vpc, boolean egress) {
        String action = egress ? "RevokeSecurityGroupEgress" : "RevokeSecurityGroupIngress";
        state.change(call.caller().accountId(), call.region(), r -> {
            SecurityGroup g = target(call.params(), r, vpc);
            List<SecurityGroupRule> unwanted = requestedRules(call, r, vpc, egress);
            List<SecurityGroupRule> rules = new ArrayList<>(g.rules());
            for (SecurityGroupRule u : unwanted) {
                if (!rules.removeIf(u::sameTraffic)) {
                    throw AwsErrorCode.INVALID_PERMISSION_NOT_FOUND.error(
                            "The specified rule does not exist in this security group.");
                }
            }
            r.put(g.withRules(rules));
            return null;
        });
        return Ec2Xml.end(Ec2Xml.start(action, call.requestId()).element("return", true), action);
    }

    /**
     * Replaces the descriptions of existing rules (a permission without one removes it), as
     * UpdateSecurityGroupRuleDescriptionsIngress/Egress do: every rule named must exist, and
     * nothing else about it changes.
     */
    String updateDescriptions(ServiceCall call, DefaultVpc vpc, boolean egress) {
        String action = "UpdateSecurityGroupRuleDescriptions" + (egress ? "Egress" : "Ingress");
        state.change(call.caller().accountId(), call.region(), r -> {
            SecurityGroup g = target(call.params(), r, vpc);
            List<SecurityGroupRule> described = requestedRules(call, r, vpc, egress);
            List<SecurityGroupRule> rules = new ArrayList<>(g.rules());
            for (SecurityGroupRule d : described) {
                int at = indexOfSameTraffic(rules, d);
                if (at < 0) {
                    throw AwsErrorCode.INVALID_PERMISSION_NOT_FOUND.error(
                            "The specified rule does not exist in this security group.");
                }
                rules.set(at, rules.get(at).withDescription(d.description()));
            }
            r.put(g.withRules(rules));
            return null;
        });
        return Ec2Xml.end(Ec2Xml.start(action, call.requestId()).element("return", true), action);
    }

    private static int indexOfSameTraffic(List<SecurityGroupRule> rules, SecurityGroupRule wanted) {
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).sameTraffic(wanted)) {
                return i;
            }
        }
        return -1;
    }

    /** The group a call targets by {@code GroupId}, or by {@code GroupName} in the default VPC. */
    private static SecurityGroup target(QueryParams p, RegionState r, DefaultVpc vpc) {
        Optional<String> id = p.get("GroupId");
        if (id.isPresent()) {
            checkId(id.get());
            return r.group(id.get()).orElseThrow(() -> notFound(id.get()));
        }
        String name = p.get("GroupName")
                .orElseThrow(() -> AwsErrorCode.MISSING_PARAMETER.error(
                        "The request must contain the parameter groupName or groupId"));
        return r.groups().stream()
                .filter(g -> g.name().equals(name) && g.vpcId().equals(vpc.vpcId()))
                .findFirst()
                .orElseThrow(() -> AwsErrorCode.INVALID_GROUP_NOT_FOUND.error(
                        "The security group '" + name + "' does not exist in default VPC '" + vpc.vpcId() + "'"));
    }

    /** The rules a call's {@code IpPermissions} name, their group peers resolved. */
    private List<SecurityGroupRule> requestedRules(ServiceCall call, RegionState r, DefaultVpc vpc, boolean egress) {
        return resolvePeers(
                PermissionParser.parse(call.params(), egress, call.caller().accountId()), r, vpc, call.region());
    }

    /** Resolves group peers named by name and checks that peer groups exist (also across accounts). */
    private List<SecurityGroupRule> resolvePeers(
            List<SecurityGroupRule> rules, RegionState own, DefaultVpc vpc, String region) {
        List<SecurityGroupRule> out = new ArrayList<>();
        for (SecurityGroupRule rule : rules) {
            if (rule.source() != RuleSource.GROUP) {
                out.add(rule);
                continue;
            }
            String peer = rule.peer();
            if (peer.startsWith("name:")) {
                String name = peer.substring(5);
                peer = own.groups().stream()
                        .filter(g -> g.name().equals(name) && g.vpcId().equals(vpc.vpcId()))
                        .map(SecurityGroup::id)
                        .findFirst()
                        .orElseThrow(() -> AwsErrorCode.INVALID_GROUP_NOT_FOUND.error(
                                "The security group '" + name + "' does not exist"));
            } else {
                checkId(peer);
                String id = peer;
                boolean exists = state.readAll(all -> {
                    RegionState r = all.get(WorldState.key(rule.peerAccount(), region));
                    return r != null && r.group(id).isPresent();
                });
                if (!exists) {
                    throw notFound(peer);
                }
            }
            out.add(new SecurityGroupRule(
                    rule.id(),
                    rule.egress(),
                    rule.protocol(),
                    rule.fromPort(),
                    rule.toPort(),
                    RuleSource.GROUP,
                    peer,
                    rule.peerAccount(),
                    rule.description()));
        }
        return out;
    }

    private static String describe(SecurityGroupRule r) {
        String peer = "peer: " + r.peer();
        if (r.protocol().equals("-1")) {
            return peer + ", ALL, ALLOW";
        }
        return peer + ", " + r.protocol().toUpperCase(Locale.ROOT) + ", from port: " + r.fromPort() + ", to port: "
                + r.toPort() + ", ALLOW";
    }

    static void checkId(String id) {
        if (!id.matches("sg-[0-9a-f]{8,17}")) {
            throw AwsErrorCode.INVALID_GROUP_ID_MALFORMED.error("Invalid id: \"" + id + "\" (expecting \"sg-...\")");
        }
    }

    private static dev.rolehop.local.wire.AwsException notFound(String id) {
        return AwsErrorCode.INVALID_GROUP_NOT_FOUND.error("The security group '" + id + "' does not exist");
    }
}
