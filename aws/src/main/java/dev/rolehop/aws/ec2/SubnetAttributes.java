package dev.rolehop.aws.ec2;

import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.AssociateSubnetCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateSubnetCidrBlockRequest;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeRequest;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetIpv6CidrBlockAssociation;

/**
 * The attributes {@code ec2_vpc_subnet} sets on a subnet, each as amazon.aws's {@code ensure_*}
 * function: true when it changes (or would, in check mode, which calls nothing that writes).
 */
final class SubnetAttributes {

    private static final Set<String> HELD = Set.of("associated", "associating");

    private final AwsSession aws;
    private final ModuleContext context;
    private final Subnet subnet;

    SubnetAttributes(AwsSession aws, ModuleContext context, Subnet subnet) {
        this.aws = aws;
        this.context = context;
        this.subnet = subnet;
    }

    /** The subnet's IPv6 block, or {@code ""}: amazon.aws's {@code ipv6_cidr_block}. */
    static String ipv6Block(Subnet subnet) {
        SubnetIpv6CidrBlockAssociation held = held(subnet);
        return held == null ? "" : held.ipv6CidrBlock();
    }

    /** The association of the subnet's IPv6 block, or {@code ""}: amazon.aws's {@code ipv6_association_id}. */
    static String ipv6Association(Subnet subnet) {
        SubnetIpv6CidrBlockAssociation held = held(subnet);
        return held == null ? "" : held.associationId();
    }

    private static SubnetIpv6CidrBlockAssociation held(Subnet subnet) {
        SubnetIpv6CidrBlockAssociation last = null;
        for (SubnetIpv6CidrBlockAssociation block : subnet.ipv6CidrBlockAssociationSet()) {
            if (block.ipv6CidrBlockState() != null
                    && HELD.contains(block.ipv6CidrBlockState().stateAsString())) {
                last = block;
            }
        }
        return last;
    }

    /** The subnet's IPv6 block made {@code wanted} ({@code ""}: none), as {@code ensure_ipv6_cidr_block}. */
    boolean ipv6(String wanted) {
        String association = ipv6Association(subnet);
        if (wanted.isEmpty()) {
            if (!association.isEmpty() && !context.checkMode()) {
                disassociate(association);
            }
            return !association.isEmpty();
        }
        var request = DescribeSubnetsRequest.builder()
                .filters(
                        Filters.one("ipv6-cidr-block-association.ipv6-cidr-block", wanted),
                        Filters.one("vpc-id", subnet.vpcId()))
                .overrideConfiguration(aws.tag())
                .build();
        var holders = aws.call(
                "ec2",
                "DescribeSubnets",
                "Couldn't get subnet info",
                () -> aws.ec2().describeSubnets(request).subnets());
        if (!holders.isEmpty() && !ipv6Block(holders.get(0)).isEmpty()) {
            throw new ModuleFailure("The IPv6 CIDR '" + wanted + "' conflicts with another subnet");
        }
        if (!context.checkMode()) {
            if (!association.isEmpty()) {
                disassociate(association);
            }
            aws.call(
                    "ec2",
                    "AssociateSubnetCidrBlock",
                    "Couldn't associate ipv6 cidr " + wanted + " to " + subnet.subnetId(),
                    () -> aws.ec2()
                            .associateSubnetCidrBlock(AssociateSubnetCidrBlockRequest.builder()
                                    .subnetId(subnet.subnetId())
                                    .ipv6CidrBlock(wanted)
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
        return true;
    }

    /** MapPublicIpOnLaunch, as {@code ensure_map_public}. */
    boolean mapPublic(boolean wanted) {
        if (Boolean.valueOf(wanted).equals(subnet.mapPublicIpOnLaunch())) {
            return false;
        }
        modify(ModifySubnetAttributeRequest.builder().mapPublicIpOnLaunch(value(wanted)));
        return true;
    }

    /** AssignIpv6AddressOnCreation, as {@code ensure_assign_ipv6_on_create}. */
    boolean assignIpv6(boolean wanted) {
        if (Boolean.valueOf(wanted).equals(subnet.assignIpv6AddressOnCreation())) {
            return false;
        }
        modify(ModifySubnetAttributeRequest.builder().assignIpv6AddressOnCreation(value(wanted)));
        return true;
    }

    /** Disassociates the IPv6 block, first turning IPv6-on-launch off, as {@code disassociate_ipv6_cidr}. */
    private void disassociate(String association) {
        if (Boolean.TRUE.equals(subnet.assignIpv6AddressOnCreation())) {
            modify(ModifySubnetAttributeRequest.builder().assignIpv6AddressOnCreation(value(false)));
        }
        aws.call(
                "ec2",
                "DisassociateSubnetCidrBlock",
                "Couldn't disassociate ipv6 cidr block id " + association + " from subnet " + subnet.subnetId(),
                () -> aws.ec2()
                        .disassociateSubnetCidrBlock(DisassociateSubnetCidrBlockRequest.builder()
                                .associationId(association)
                                .overrideConfiguration(aws.tag())
                                .build()));
    }

    private void modify(ModifySubnetAttributeRequest.Builder request) {
        if (context.checkMode()) {
            return;
        }
        aws.call(
                "ec2",
                "ModifySubnetAttribute",
                "Couldn't modify subnet attribute",
                () -> aws.ec2()
                        .modifySubnetAttribute(request.subnetId(subnet.subnetId())
                                .overrideConfiguration(aws.tag())
                                .build()));
    }

    private static AttributeBooleanValue value(boolean value) {
        return AttributeBooleanValue.builder().value(value).build();
    }
}
