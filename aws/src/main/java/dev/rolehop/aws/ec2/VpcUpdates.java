package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.ModuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.AssociateDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.AssociateVpcCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateVpcCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcAttributeName;

/**
 * The changes {@code ec2_vpc_net} makes to an existing VPC, each as amazon.aws's {@code update_*}
 * function: true when something changes (or would, in check mode, which calls nothing that writes).
 */
final class VpcUpdates {

    private static final Set<String> GONE = Set.of("disassociating", "disassociated");
    private static final Set<String> HELD = Set.of("associated", "associating");

    private final AwsSession aws;
    private final ModuleContext context;

    VpcUpdates(AwsSession aws, ModuleContext context) {
        this.aws = aws;
        this.context = context;
    }

    /** The IPv4 blocks made {@code cidrs} (plus the current ones unless purging), as {@code update_cidrs}. */
    boolean cidrs(Vpc vpc, List<String> cidrs, boolean purge) {
        if (cidrs == null) {
            return false;
        }
        Map<String, String> associated = new LinkedHashMap<>();
        vpc.cidrBlockAssociationSet().stream()
                .filter(block -> !GONE.contains(block.cidrBlockState().stateAsString()))
                .forEach(block -> associated.put(block.cidrBlock(), block.associationId()));
        Set<String> desired = new LinkedHashSet<>(cidrs);
        if (!purge) {
            desired.addAll(associated.keySet());
        }
        List<String> add =
                desired.stream().filter(c -> !associated.containsKey(c)).toList();
        List<String> remove =
                associated.keySet().stream().filter(c -> !desired.contains(c)).toList();
        if (add.isEmpty() && remove.isEmpty()) {
            return false;
        }
        if (context.checkMode()) {
            return true;
        }
        for (String cidr : add) {
            aws.call(
                    "ec2",
                    "AssociateVpcCidrBlock",
                    "Unable to associate CIDR " + cidr + ".",
                    () -> aws.ec2()
                            .associateVpcCidrBlock(AssociateVpcCidrBlockRequest.builder()
                                    .cidrBlock(cidr)
                                    .vpcId(vpc.vpcId())
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
        for (String cidr : remove) {
            String id = associated.get(cidr);
            disassociate(
                    id,
                    "Unable to disassociate " + id + ". You must detach or delete all gateways and resources "
                            + "that are associated with the CIDR block before you can disassociate it.");
        }
        return true;
    }

    /** An Amazon-provided IPv6 block associated or disassociated, as {@code update_ipv6_cidrs}. */
    boolean ipv6(Vpc vpc, Boolean wanted) {
        if (wanted == null) {
            return false;
        }
        List<String> amazon = new ArrayList<>();
        vpc.ipv6CidrBlockAssociationSet().stream()
                .filter(block -> "Amazon".equals(block.ipv6Pool())
                        && HELD.contains(block.ipv6CidrBlockState().stateAsString()))
                .forEach(block -> amazon.add(block.associationId()));
        if (wanted == !amazon.isEmpty()) {
            return false;
        }
        if (context.checkMode()) {
            return true;
        }
        if (wanted) {
            aws.call(
                    "ec2",
                    "AssociateVpcCidrBlock",
                    "Unable to associate IPv6 CIDR",
                    () -> aws.ec2()
                            .associateVpcCidrBlock(AssociateVpcCidrBlockRequest.builder()
                                    .amazonProvidedIpv6CidrBlock(true)
                                    .vpcId(vpc.vpcId())
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        } else {
            amazon.forEach(id -> disassociate(id, "Unable to disassociate IPv6 CIDR " + id + "."));
        }
        return true;
    }

    /** The VPC's tags made {@code wanted} ({@code null}: left alone), as {@code ensure_ec2_tags} with the tags described. */
    boolean tags(Vpc vpc, Map<String, Object> wanted, boolean purge) {
        if (wanted == null) {
            return false;
        }
        Map<String, String> current = SecurityGroupResult.tags(vpc.tags());
        return ResourceTags.ensure(aws, context, vpc.vpcId(), current, wanted, purge)
                .changed();
    }

    /** The VPC's DHCP options set, as {@code update_dhcp_opts}. */
    boolean dhcpOptions(Vpc vpc, String optionsId) {
        if (optionsId == null || optionsId.equals(vpc.dhcpOptionsId())) {
            return false;
        }
        if (!context.checkMode()) {
            aws.call(
                    "ec2",
                    "AssociateDhcpOptions",
                    "Failed to associate DhcpOptionsId " + optionsId,
                    () -> aws.ec2()
                            .associateDhcpOptions(AssociateDhcpOptionsRequest.builder()
                                    .dhcpOptionsId(optionsId)
                                    .vpcId(vpc.vpcId())
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
        return true;
    }

    /** The enableDnsSupport attribute, as {@code update_dns_enabled}; {@code known}: its value without asking, or {@code null}. */
    boolean dnsSupport(String vpcId, Boolean wanted, Boolean known) {
        return attribute(
                vpcId,
                VpcAttributeName.ENABLE_DNS_SUPPORT,
                wanted,
                known,
                "Failed to update enabled dns support attribute");
    }

    /** The enableDnsHostnames attribute, as {@code update_dns_hostnames}. */
    boolean dnsHostnames(String vpcId, Boolean wanted, Boolean known) {
        return attribute(
                vpcId,
                VpcAttributeName.ENABLE_DNS_HOSTNAMES,
                wanted,
                known,
                "Failed to update enabled dns hostnames attribute");
    }

    private boolean attribute(String vpcId, VpcAttributeName name, Boolean wanted, Boolean known, String error) {
        if (wanted == null) {
            return false;
        }
        boolean support = name == VpcAttributeName.ENABLE_DNS_SUPPORT;
        Boolean current = known != null
                ? known
                : aws.call("ec2", "DescribeVpcAttribute", null, () -> {
                    var response = aws.ec2()
                            .describeVpcAttribute(DescribeVpcAttributeRequest.builder()
                                    .vpcId(vpcId)
                                    .attribute(name)
                                    .overrideConfiguration(aws.tag())
                                    .build());
                    return (support ? response.enableDnsSupport() : response.enableDnsHostnames()).value();
                });
        if (wanted.equals(current)) {
            return false;
        }
        if (!context.checkMode()) {
            var value = AttributeBooleanValue.builder().value(wanted).build();
            var request = ModifyVpcAttributeRequest.builder().vpcId(vpcId).overrideConfiguration(aws.tag());
            if (support) {
                request.enableDnsSupport(value);
            } else {
                request.enableDnsHostnames(value);
            }
            aws.call("ec2", "ModifyVpcAttribute", error, () -> aws.ec2().modifyVpcAttribute(request.build()));
        }
        return true;
    }

    private void disassociate(String associationId, String error) {
        aws.call(
                "ec2",
                "DisassociateVpcCidrBlock",
                error,
                () -> aws.ec2()
                        .disassociateVpcCidrBlock(DisassociateVpcCidrBlockRequest.builder()
                                .associationId(associationId)
                                .overrideConfiguration(aws.tag())
                                .build()));
    }
}
