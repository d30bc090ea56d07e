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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.ResourceType;

/**
 * {@code ec2_vpc_nat_gateway}: makes a subnet's NAT gateway present (with the given Elastic IP,
 * one found by address, or a new one) or deletes a gateway by id (releasing its address on
 * request), as amazon.aws 5.5 does, returning the gateway's snake_cased description and its
 * {@code msg}. Like amazon.aws, without {@code if_exist_do_not_create} and without an address it
 * makes a new gateway (and address) on every run. Fewer calls: tags are computed from the
 * gateway's description instead of described before and after a change, the waiter's last
 * description is the result, and a release does not describe the address first.
 */
public final class NatGatewayModule extends AwsModule {

    public NatGatewayModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_vpc_nat_gateway",
                Set.of("ec2_vpc_nat_gateway", "community.aws.ec2_vpc_nat_gateway"),
                clients,
                ArgumentSpec.of(
                                Argument.of("subnet_id", ArgumentType.STR),
                                Argument.of("eip_address", ArgumentType.STR),
                                Argument.of("allocation_id", ArgumentType.STR),
                                Argument.of("connectivity_type", ArgumentType.STR)
                                        .withDefault("public")
                                        .withChoices("private", "public"),
                                Argument.of("if_exist_do_not_create", ArgumentType.BOOL)
                                        .withDefault(false),
                                Argument.of("state", ArgumentType.STR)
                                        .withDefault("present")
                                        .withChoices("present", "absent"),
                                Argument.of("wait", ArgumentType.BOOL).withDefault(false),
                                Argument.of("wait_timeout", ArgumentType.INT).withDefault(320L),
                                Argument.of("release_eip", ArgumentType.BOOL).withDefault(false),
                                Argument.of("nat_gateway_id", ArgumentType.STR),
                                Argument.of("client_token", ArgumentType.STR),
                                Argument.of("tags", ArgumentType.DICT).withAliases("resource_tags"),
                                Argument.of("purge_tags", ArgumentType.BOOL).withDefault(true))
                        .mutuallyExclusive("allocation_id", "eip_address")
                        .requiredIf("state", "absent", "nat_gateway_id")
                        .requiredIf("state", "present", "subnet_id"));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        if (args.string("state").orElseThrow().equals("absent")) {
            return absent(args, aws, context);
        }
        String subnetId = args.string("subnet_id").orElseThrow();
        String allocationId = args.string("allocation_id").orElse(null);
        String address = args.string("eip_address").orElse(null);
        if (allocationId == null && address == null) {
            List<NatGateway> existing = NatGateways.inSubnet(aws, subnetId);
            if (!existing.isEmpty() && args.bool("if_exist_do_not_create")) {
                return existing(args, aws, context, existing.get(0));
            }
            if (!context.checkMode()) {
                allocationId = ElasticIpAllocations.allocate(aws);
            }
        } else {
            if (allocationId == null) {
                ElasticIpAllocations.Lookup lookup = ElasticIpAllocations.byAddress(aws, address);
                if (lookup.id() == null) {
                    return ModuleResult.ok(Map.of()).withMsg(lookup.problem());
                }
                allocationId = lookup.id();
            }
            String allocation = allocationId;
            var existing = NatGateways.inSubnet(aws, subnetId).stream()
                    .filter(g -> g.natGatewayAddresses().stream().anyMatch(a -> allocation.equals(a.allocationId())))
                    .findFirst();
            if (existing.isPresent()) {
                return existing(args, aws, context, existing.get());
            }
        }
        if (context.checkMode()) {
            return ModuleResult.changed(Map.of()).withMsg("");
        }
        return create(args, aws, subnetId, allocationId);
    }

    /** The subnet's gateway, its tags made the wanted ones. */
    private static ModuleResult existing(ModuleArgs args, AwsSession aws, ModuleContext context, NatGateway gateway) {
        Map<String, Object> wanted = args.has("tags") ? args.dict("tags") : null;
        ResourceTags.Ensured tags = ResourceTags.ensure(
                aws,
                context,
                gateway.natGatewayId(),
                SecurityGroupResult.tags(gateway.tags()),
                wanted,
                args.bool("purge_tags"));
        Map<String, Object> result = NatGateways.snake(gateway);
        result.put("tags", tags.tags());
        if (tags.changed()) {
            return ModuleResult.changed(result).withMsg("");
        }
        return ModuleResult.ok(result)
                .withMsg("NAT Gateway " + gateway.natGatewayId() + " already exists in subnet_id "
                        + args.string("subnet_id").orElseThrow());
    }

    private static ModuleResult create(ModuleArgs args, AwsSession aws, String subnetId, String allocationId) {
        String type = args.string("connectivity_type").orElseThrow();
        String token = args.string("client_token").orElse(null);
        var request = CreateNatGatewayRequest.builder()
                .subnetId(subnetId)
                .connectivityType(type)
                .clientToken(token)
                .overrideConfiguration(aws.tag());
        if (type.equals("public")) {
            request.allocationId(allocationId);
        }
        if (args.has("tags") && !args.dict("tags").isEmpty()) {
            request.tagSpecifications(ResourceTags.specification(
                    ResourceType.NATGATEWAY,
                    TagChanges.of(Map.of(), args.dict("tags"), false).set()));
        }
        Instant requested = Instant.now();
        NatGateway gateway = aws.call(
                "ec2",
                "CreateNatGateway",
                null,
                () -> aws.ec2().createNatGateway(request.build()).natGateway());
        // amazon.aws's test: a token that returns an earlier gateway made it before this request.
        boolean changed = token == null || !requested.isAfter(gateway.createTime());
        if (changed && args.bool("wait") && !"available".equals(gateway.stateAsString())) {
            gateway = NatGatewayWaiter.available(
                    aws, gateway.natGatewayId(), args.integer("wait_timeout").orElseThrow());
        }
        Map<String, Object> result = NatGateways.withTagDict(gateway);
        return (changed ? ModuleResult.changed(result) : ModuleResult.ok(result)).withMsg("");
    }

    private static ModuleResult absent(ModuleArgs args, AwsSession aws, ModuleContext context) {
        if (context.checkMode()) {
            return ModuleResult.changed(Map.of()).withMsg("");
        }
        String id = args.string("nat_gateway_id").orElseThrow();
        List<NatGateway> found;
        try {
            found = NatGateways.byId(aws, id);
        } catch (ModuleFailure failure) {
            if (!FailureCodes.of(failure).equals("InvalidNatGatewayID.NotFound")) {
                throw failure;
            }
            found = List.of();
        }
        if (found.size() != 1) {
            return ModuleResult.ok(Map.of()).withMsg("");
        }
        NatGateway gateway = found.get(0);
        // Without wait, amazon.aws returns the description from before the delete, tags as boto3's list.
        Map<String, Object> result = NatGateways.snake(gateway);
        aws.call(
                "ec2",
                "DeleteNatGateway",
                null,
                () -> aws.ec2()
                        .deleteNatGateway(DeleteNatGatewayRequest.builder()
                                .natGatewayId(id)
                                .overrideConfiguration(aws.tag())
                                .build()));
        String msg = "NAT gateway " + id + " is in a deleting state. Delete was successful";
        if (args.bool("wait") && !"deleted".equals(gateway.stateAsString())) {
            NatGateway deleted = NatGatewayWaiter.deleted(
                    aws, id, args.integer("wait_timeout").orElseThrow());
            if (deleted != null) {
                result = NatGateways.withTagDict(deleted);
            }
        }
        String allocationId = args.string("connectivity_type").orElseThrow().equals("public")
                        && !gateway.natGatewayAddresses().isEmpty()
                ? gateway.natGatewayAddresses().get(0).allocationId()
                : null;
        if (args.bool("release_eip") && allocationId != null) {
            ElasticIpAllocations.release(aws, allocationId);
            msg = "";
        }
        return ModuleResult.changed(result).withMsg(msg);
    }
}
