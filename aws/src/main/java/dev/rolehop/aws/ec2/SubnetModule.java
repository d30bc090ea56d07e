package dev.rolehop.aws.ec2;

import dev.rolehop.aws.AwsModule;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * {@code ec2_vpc_subnet}: makes the subnet of a VPC and CIDR present (created, given its IPv6
 * block, public-IP and IPv6-on-launch attributes and tags) or absent, as amazon.aws 5.5 does,
 * returning {@code subnet}; {@code wait} waits (up to {@code wait_timeout} seconds) for a new
 * subnet to be available and for the attributes to read back as set, and for a deleted one to be
 * gone. Fewer calls: a new subnet is tagged as it is created; tags come with the subnet's
 * description; the subnet is described again only after a change.
 */
public final class SubnetModule extends AwsModule {

    private static final Pattern OUTPOST_ARN =
            Pattern.compile("^arn:aws([a-z-]+)?:outposts:[a-z\\d-]+:\\d{12}:outpost/op-[a-f0-9]{17}$");

    public SubnetModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_vpc_subnet",
                Set.of("ec2_vpc_subnet"),
                clients,
                ArgumentSpec.of(
                                Argument.of("az", ArgumentType.STR),
                                Argument.of("cidr", ArgumentType.STR).asRequired(),
                                Argument.of("ipv6_cidr", ArgumentType.STR).withDefault(""),
                                Argument.of("outpost_arn", ArgumentType.STR).withDefault(""),
                                Argument.of("state", ArgumentType.STR)
                                        .withDefault("present")
                                        .withChoices("present", "absent"),
                                Argument.of("tags", ArgumentType.DICT)
                                        .withDefault(Map.of())
                                        .withAliases("resource_tags"),
                                Argument.of("vpc_id", ArgumentType.STR).asRequired(),
                                Argument.of("map_public", ArgumentType.BOOL).withDefault(false),
                                Argument.of("assign_instances_ipv6", ArgumentType.BOOL)
                                        .withDefault(false),
                                Argument.of("wait", ArgumentType.BOOL).withDefault(true),
                                Argument.of("wait_timeout", ArgumentType.INT).withDefault(300L),
                                Argument.of("purge_tags", ArgumentType.BOOL).withDefault(true))
                        .requiredIf("assign_instances_ipv6", true, "ipv6_cidr"));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        String outpost = args.string("outpost_arn").orElse("");
        if (!outpost.isEmpty() && !args.has("az")) {
            throw new ModuleFailure(
                    "To specify OutpostArn, you must specify the Availability Zone of the Outpost subnet.");
        }
        if (args.bool("assign_instances_ipv6")
                && args.string("ipv6_cidr").orElse("").isEmpty()) {
            throw new ModuleFailure("assign_instances_ipv6 is True but ipv6_cidr is None or an empty string");
        }
        String vpcId = args.string("vpc_id").orElseThrow();
        String cidr = args.string("cidr").orElseThrow();
        Subnet subnet = matching(aws, vpcId, cidr);
        Waiter waiter = waiter(args);
        if ("absent".equals(args.string("state").orElse("present"))) {
            return absent(aws, context, args, subnet, waiter);
        }
        boolean changed = false;
        Map<String, Object> tags = args.dict("tags");
        if (subnet == null) {
            if (context.checkMode()) {
                return ModuleResult.changed(Map.of("subnet", Map.of()));
            }
            subnet = create(aws, args, vpcId, cidr, outpost);
            changed = true;
            if (args.bool("wait") && !"available".equals(subnet.stateAsString())) {
                String id = subnet.subnetId();
                subnet = waiter.until(
                        () -> byId(aws, id),
                        s -> "available".equals(s.stateAsString()),
                        "Failed to wait for updates to complete");
            }
        }
        var attributes = new SubnetAttributes(aws, context, subnet);
        String ipv6 = args.string("ipv6_cidr").orElse("");
        if (!ipv6.equals(SubnetAttributes.ipv6Block(subnet))) {
            changed |= attributes.ipv6(ipv6);
        }
        changed |= attributes.mapPublic(args.bool("map_public"))
                | attributes.assignIpv6(args.bool("assign_instances_ipv6"));
        Map<String, String> current = SecurityGroupResult.tags(subnet.tags());
        if (!tags.equals(current)) {
            boolean purge = args.get("purge_tags") == null || args.bool("purge_tags");
            changed |= ResourceTags.ensure(aws, context, subnet.subnetId(), current, tags, purge)
                    .changed();
        }
        Subnet after = subnet;
        if (changed && !context.checkMode()) {
            boolean mapPublic = args.bool("map_public");
            boolean assignIpv6 = args.bool("assign_instances_ipv6");
            after = args.bool("wait")
                    ? waiter.until(
                            () -> matching(aws, vpcId, cidr),
                            s -> s != null
                                    && Boolean.valueOf(mapPublic).equals(s.mapPublicIpOnLaunch())
                                    && Boolean.valueOf(assignIpv6).equals(s.assignIpv6AddressOnCreation()),
                            "Failed to wait for updates to complete")
                    : matching(aws, vpcId, cidr);
        }
        return (changed
                ? ModuleResult.changed(Map.of("subnet", result(after)))
                : ModuleResult.ok(Map.of("subnet", result(after))));
    }

    /** botocore's subnet waiters poll every 5 s; amazon.aws gives them what is left of {@code wait_timeout}. */
    private static Waiter waiter(ModuleArgs args) {
        long timeout = args.integer("wait_timeout").orElse(300L);
        return new Waiter("SubnetAvailable", Duration.ofSeconds(5), (int) Math.max(1, timeout / 5));
    }

    /** The subnet of the VPC with the CIDR, as {@code get_matching_subnet}; {@code null}: none. */
    private static Subnet matching(AwsSession aws, String vpcId, String cidr) {
        var request = DescribeSubnetsRequest.builder()
                .filters(Filters.one("vpc-id", vpcId), Filters.one("cidr-block", cidr))
                .overrideConfiguration(aws.tag())
                .build();
        List<Subnet> found = aws.call(
                "ec2",
                "DescribeSubnets",
                "Couldn't get matching subnet",
                () -> aws.ec2().describeSubnets(request).subnets());
        return found.isEmpty() ? null : found.get(0);
    }

    private static Subnet byId(AwsSession aws, String id) {
        var request = DescribeSubnetsRequest.builder()
                .subnetIds(id)
                .overrideConfiguration(aws.tag())
                .build();
        return aws.call(
                "ec2",
                "DescribeSubnets",
                "Failed to wait for updates to complete",
                () -> aws.ec2().describeSubnets(request).subnets().get(0));
    }

    private static Subnet create(AwsSession aws, ModuleArgs args, String vpcId, String cidr, String outpost) {
        var request = CreateSubnetRequest.builder().vpcId(vpcId).cidrBlock(cidr).overrideConfiguration(aws.tag());
        args.string("ipv6_cidr").filter(v -> !v.isEmpty()).ifPresent(request::ipv6CidrBlock);
        args.string("az").filter(v -> !v.isEmpty()).ifPresent(request::availabilityZone);
        if (!outpost.isEmpty()) {
            if (!OUTPOST_ARN.matcher(outpost).matches()) {
                throw new ModuleFailure("OutpostArn does not match the pattern specified in API specifications.");
            }
            request.outpostArn(outpost);
        }
        Map<String, Object> wanted = args.dict("tags");
        if (!wanted.isEmpty()) {
            request.tagSpecifications(ResourceTags.specification(
                    ResourceType.SUBNET, TagChanges.of(Map.of(), wanted, false).set()));
        }
        return aws.call(
                "ec2",
                "CreateSubnet",
                "Couldn't create subnet",
                () -> aws.ec2().createSubnet(request.build()).subnet());
    }

    private static ModuleResult absent(
            AwsSession aws, ModuleContext context, ModuleArgs args, Subnet subnet, Waiter waiter) {
        if (subnet == null) {
            return ModuleResult.ok(Map.of());
        }
        if (!context.checkMode()) {
            String id = subnet.subnetId();
            aws.call(
                    "ec2",
                    "DeleteSubnet",
                    "Couldn't delete subnet",
                    () -> aws.ec2()
                            .deleteSubnet(DeleteSubnetRequest.builder()
                                    .subnetId(id)
                                    .overrideConfiguration(aws.tag())
                                    .build()));
            if (args.bool("wait")) {
                waiter.until(() -> gone(aws, id), Boolean::booleanValue, "Failed to wait for updates to complete");
            }
        }
        return ModuleResult.changed(Map.of());
    }

    /** Whether a subnet is gone, as botocore's {@code subnet_deleted} waiter tells. */
    private static boolean gone(AwsSession aws, String id) {
        try {
            return byId(aws, id) == null;
        } catch (ModuleFailure failure) {
            if (failure.values().get("error") instanceof Map<?, ?> error
                    && "InvalidSubnetID.NotFound".equals(error.get("code"))) {
                return true;
            }
            throw failure;
        }
    }

    /** The subnet as {@code ec2_vpc_subnet} returns it: no {@code subnet_id}, and its IPv6 block and association at the top. */
    private static Map<String, Object> result(Subnet subnet) {
        Map<String, Object> info = new LinkedHashMap<>(SubnetInfoModule.info(subnet));
        info.remove("subnet_id");
        info.put("ipv6_cidr_block", SubnetAttributes.ipv6Block(subnet));
        info.put("ipv6_association_id", SubnetAttributes.ipv6Association(subnet));
        return info;
    }
}
