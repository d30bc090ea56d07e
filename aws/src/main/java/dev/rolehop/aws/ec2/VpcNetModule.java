package dev.rolehop.aws.ec2;

import dev.rolehop.aws.AwsModule;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.aws.client.Boto3Shapes;
import dev.rolehop.aws.client.SnakeCase;
import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * {@code ec2_vpc_net}: makes a VPC present (found by {@code vpc_id}, or by its Name tag and first
 * CIDR; created, given its extra CIDRs, IPv6 block, tags, DHCP options and DNS attributes) or
 * absent, as amazon.aws 5.5 does, returning {@code vpc}. Fewer calls: the VPC is looked up once
 * (amazon.aws asks again with the first CIDR alone, which the primary-CIDR filter makes the same
 * question) and not at all with {@code multi_ok}; its tags come with its description; a new VPC's
 * DNS attributes are AWS's defaults (support on, hostnames off) without asking; ClassicLink is
 * reported off without asking (EC2-Classic is retired, amazon.aws then reports false); the VPC is
 * described again only after a change.
 */
public final class VpcNetModule extends AwsModule {

    public VpcNetModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_vpc_net",
                Set.of("ec2_vpc_net"),
                clients,
                ArgumentSpec.of(
                                Argument.of("name", ArgumentType.STR),
                                Argument.of("vpc_id", ArgumentType.STR),
                                Argument.of("cidr_block", ArgumentType.LIST).withElements(ArgumentType.STR),
                                Argument.of("ipv6_cidr", ArgumentType.BOOL),
                                Argument.of("tenancy", ArgumentType.STR)
                                        .withDefault("default")
                                        .withChoices("default", "dedicated"),
                                Argument.of("dns_support", ArgumentType.BOOL),
                                Argument.of("dns_hostnames", ArgumentType.BOOL),
                                Argument.of("dhcp_opts_id", ArgumentType.STR),
                                Argument.of("tags", ArgumentType.DICT).withAliases("resource_tags"),
                                Argument.of("purge_tags", ArgumentType.BOOL).withDefault(true),
                                Argument.of("state", ArgumentType.STR)
                                        .withDefault("present")
                                        .withChoices("present", "absent"),
                                Argument.of("multi_ok", ArgumentType.BOOL).withDefault(false),
                                Argument.of("purge_cidrs", ArgumentType.BOOL).withDefault(false))
                        .requiredOneOf("vpc_id", "name")
                        .requiredOneOf("vpc_id", "cidr_block"));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        Boolean dnsSupport = optionalBool(args, "dns_support");
        Boolean dnsHostnames = optionalBool(args, "dns_hostnames");
        if (Boolean.TRUE.equals(dnsHostnames) && !Boolean.TRUE.equals(dnsSupport)) {
            throw new ModuleFailure("In order to enable DNS Hostnames you must also enable DNS support");
        }
        List<String> warnings = new ArrayList<>();
        List<String> cidrs = args.has("cidr_block")
                ? args.list("cidr_block").stream()
                        .map(cidr -> Cidrs.normalise(String.valueOf(cidr), warnings::add))
                        .toList()
                : null;
        String name = args.string("name").orElse(null);
        Vpc vpc = args.has("vpc_id") ? null : named(aws, name, cidrs, args.bool("multi_ok"));
        String vpcId = args.string("vpc_id").orElseGet(() -> vpc == null ? null : vpc.vpcId());
        if ("absent".equals(args.string("state").orElse("present"))) {
            return delete(aws, context, vpcId).withWarnings(warnings);
        }
        VpcUpdates updates = new VpcUpdates(aws, context);
        Vpc current;
        boolean changed;
        if (vpcId == null) {
            if (context.checkMode()) {
                return ModuleResult.changed(Map.of())
                        .withMsg("VPC would be created if not in check mode")
                        .withWarnings(warnings);
            }
            current = create(aws, args, cidrs.get(0), tagsOnCreate(args, name));
            changed = true;
            if (cidrs.size() > 1) {
                updates.cidrs(current, cidrs, args.bool("purge_cidrs"));
            }
            updates.dhcpOptions(current, args.string("dhcp_opts_id").orElse(null));
            // A new VPC's DNS attributes are AWS's defaults; amazon.aws turns both on unless told otherwise.
            updates.dnsSupport(vpcId(current), dnsSupport == null ? Boolean.TRUE : dnsSupport, true);
            updates.dnsHostnames(vpcId(current), dnsHostnames == null ? Boolean.TRUE : dnsHostnames, false);
        } else {
            current = vpc != null ? vpc : VpcLookup.settled(aws, vpcId);
            changed = updates.cidrs(current, cidrs, args.bool("purge_cidrs"))
                    | updates.ipv6(current, optionalBool(args, "ipv6_cidr"))
                    | updates.tags(current, wantedTags(args, name), purgeTags(args, name))
                    | updates.dhcpOptions(current, args.string("dhcp_opts_id").orElse(null))
                    | updates.dnsSupport(vpcId, dnsSupport, null)
                    | updates.dnsHostnames(vpcId, dnsHostnames, null);
        }
        Vpc after = changed && !context.checkMode() ? VpcLookup.settled(aws, vpcId(current)) : current;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("vpc", result(after));
        ModuleResult result = changed ? ModuleResult.changed(values) : ModuleResult.ok(values);
        return result.withWarnings(warnings);
    }

    private static String vpcId(Vpc vpc) {
        return vpc.vpcId();
    }

    private static Boolean optionalBool(ModuleArgs args, String name) {
        return args.has(name) ? args.bool(name) : null;
    }

    /** The VPC a name and CIDRs identify, as amazon.aws's {@code vpc_exists} (none with {@code multi_ok}). */
    private static Vpc named(AwsSession aws, String name, List<String> cidrs, boolean multi) {
        if (multi) {
            return null;
        }
        List<Vpc> found = VpcLookup.describe(
                aws,
                List.of(),
                List.of(Filters.one("tag:Name", name), Filters.one("cidr-block", cidrs.toArray(String[]::new))),
                "Failed to describe VPCs");
        if (found.size() > 1) {
            throw new ModuleFailure("Currently there are " + found.size() + " VPCs that have the same name and "
                    + "CIDR block you specified. If you would like to create the VPC anyway please pass True to "
                    + "the multi_ok param.");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The tags a new VPC is created with: {@code tags} with {@code name} as its Name. */
    private static Map<String, String> tagsOnCreate(ModuleArgs args, String name) {
        Map<String, String> tags = new LinkedHashMap<>();
        args.dict("tags").forEach((key, value) -> tags.put(key, TagChanges.text(value)));
        if (name != null) {
            tags.put("Name", name);
        }
        return tags;
    }

    /** The tags to make the VPC's, as {@code update_vpc_tags}: {@code name} overrides a Name tag; {@code null} = leave. */
    private static Map<String, Object> wantedTags(ModuleArgs args, String name) {
        if (name == null) {
            return args.has("tags") ? args.dict("tags") : null;
        }
        Map<String, Object> tags = new LinkedHashMap<>(args.dict("tags"));
        tags.put("Name", name);
        return tags;
    }

    /** {@code purge_tags}, which a {@code name} without {@code tags} turns off. */
    private static boolean purgeTags(ModuleArgs args, String name) {
        boolean purge = args.get("purge_tags") == null || args.bool("purge_tags");
        return purge && !(name != null && !args.has("tags"));
    }

    private static Vpc create(AwsSession aws, ModuleArgs args, String cidr, Map<String, String> tags) {
        var request = CreateVpcRequest.builder()
                .cidrBlock(cidr)
                .instanceTenancy(args.string("tenancy").orElse("default"))
                .overrideConfiguration(aws.tag());
        if (!tags.isEmpty()) {
            request.tagSpecifications(ResourceTags.specification(ResourceType.VPC, tags));
        }
        if (args.bool("ipv6_cidr")) {
            request.amazonProvidedIpv6CidrBlock(true);
        }
        return aws.call(
                "ec2",
                "CreateVpc",
                "Failed to create the VPC",
                () -> aws.ec2().createVpc(request.build()).vpc());
    }

    private static ModuleResult delete(AwsSession aws, ModuleContext context, String vpcId) {
        Map<String, Object> values = Map.of("vpc", Map.of());
        if (vpcId == null) {
            return ModuleResult.ok(values);
        }
        if (!context.checkMode()) {
            aws.call(
                    "ec2",
                    "DeleteVpc",
                    "Failed to delete VPC " + vpcId + " You may want to use the ec2_vpc_subnet, ec2_vpc_igw, "
                            + "and/or ec2_vpc_route_table modules to ensure that all depenednt components are absent.",
                    () -> aws.ec2()
                            .deleteVpc(DeleteVpcRequest.builder()
                                    .vpcId(vpcId)
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
        return ModuleResult.changed(values);
    }

    /** The VPC as amazon.aws's {@code ec2_vpc_net} returns it. */
    private static Map<String, Object> result(Vpc vpc) {
        Map<String, Object> camel = new LinkedHashMap<>(Boto3Shapes.of(vpc));
        camel.put("ClassicLinkEnabled", false);
        Map<String, Object> snake = new LinkedHashMap<>(SnakeCase.dict(camel));
        Map<String, String> tags = SecurityGroupResult.tags(vpc.tags());
        snake.put("tags", tags);
        snake.put("name", tags.get("Name"));
        snake.put("id", snake.remove("vpc_id"));
        return snake;
    }
}
