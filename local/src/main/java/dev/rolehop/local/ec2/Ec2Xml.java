package dev.rolehop.local.ec2;

import dev.rolehop.local.state.RuleSource;
import dev.rolehop.local.state.SecurityGroup;
import dev.rolehop.local.state.SecurityGroupRule;
import dev.rolehop.local.wire.XmlWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes EC2's response XML: the envelope, security groups with their permissions, tag sets. */
final class Ec2Xml {

    static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Ec2Xml() {}

    /** Opens {@code <ActionResponse>} with its {@code requestId}. */
    static XmlWriter start(String action, String requestId) {
        return new XmlWriter().open(action + "Response", NAMESPACE).element("requestId", requestId);
    }

    /** Closes the response. */
    static String end(XmlWriter xml, String action) {
        return xml.close(action + "Response").toString();
    }

    /** An instant as EC2 writes times: ISO-8601 in UTC with milliseconds. */
    static String time(Instant at) {
        return TIME.format(at);
    }

    /** Writes {@code <tagSet>}; an empty set is written empty, as EC2 does. */
    static void tagSet(XmlWriter xml, Map<String, String> tags) {
        xml.open("tagSet");
        tags.forEach(
                (k, v) -> xml.open("item").element("key", k).element("value", v).close("item"));
        xml.close("tagSet");
    }

    /** Writes one security group item. */
    static void group(XmlWriter xml, SecurityGroup g, Map<String, String> tags, String region) {
        xml.open("item")
                .element("ownerId", g.ownerId())
                .element("groupId", g.id())
                .element("groupName", g.name())
                .element("groupDescription", g.description())
                .element("vpcId", g.vpcId());
        permissions(xml, "ipPermissions", g.rules(), false);
        permissions(xml, "ipPermissionsEgress", g.rules(), true);
        tagSet(xml, tags);
        xml.element("securityGroupArn", "arn:aws:ec2:" + region + ":" + g.ownerId() + ":security-group/" + g.id());
        xml.close("item");
    }

    private static void permissions(XmlWriter xml, String element, List<SecurityGroupRule> rules, boolean egress) {
        // AWS answers rules grouped back into IpPermissions by protocol and port range.
        Map<String, List<SecurityGroupRule>> byTraffic = new LinkedHashMap<>();
        for (SecurityGroupRule r : rules) {
            if (r.egress() == egress) {
                byTraffic
                        .computeIfAbsent(r.protocol() + "/" + r.fromPort() + "/" + r.toPort(), k -> new ArrayList<>())
                        .add(r);
            }
        }
        xml.open(element);
        for (List<SecurityGroupRule> same : byTraffic.values()) {
            SecurityGroupRule first = same.get(0);
            xml.open("item").element("ipProtocol", first.protocol());
            // AWS leaves ports out for all-protocol rules and for protocols without ports.
            if (!first.protocol().equals("-1")
                    && (first.fromPort() != -1 || first.protocol().startsWith("icmp"))) {
                xml.element("fromPort", first.fromPort()).element("toPort", first.toPort());
            }
            xml.open("groups");
            for (SecurityGroupRule r : same) {
                if (r.source() == RuleSource.GROUP) {
                    xml.open("item")
                            .element("description", r.description())
                            .element("userId", r.peerAccount())
                            .element("groupId", r.peer())
                            .close("item");
                }
            }
            xml.close("groups").open("ipRanges");
            for (SecurityGroupRule r : same) {
                if (r.source() == RuleSource.CIDR_IPV4) {
                    xml.open("item")
                            .element("cidrIp", r.peer())
                            .element("description", r.description())
                            .close("item");
                }
            }
            xml.close("ipRanges").open("ipv6Ranges");
            for (SecurityGroupRule r : same) {
                if (r.source() == RuleSource.CIDR_IPV6) {
                    xml.open("item")
                            .element("cidrIpv6", r.peer())
                            .element("description", r.description())
                            .close("item");
                }
            }
            xml.close("ipv6Ranges").open("prefixListIds");
            for (SecurityGroupRule r : same) {
                if (r.source() == RuleSource.PREFIX_LIST) {
                    xml.open("item")
                            .element("prefixListId", r.peer())
                            .element("description", r.description())
                            .close("item");
                }
            }
            xml.close("prefixListIds").close("item");
        }
        xml.close(element);
    }
}
