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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * {@code ec2_vpc_igw}: makes a VPC's internet gateway present (created, attached, tagged) or
 * absent (detached, deleted), as amazon.aws 5.5 does, returning {@code gateway_id}, {@code tags}
 * and {@code vpc_id}. Fewer calls: the gateway's tags come with its description and a new one is
 * tagged as it is created; the result is computed instead of described again; nothing polls
 * (rolehop local answers created and attached at once).
 */
public final class InternetGatewayModule extends AwsModule {

    public InternetGatewayModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_vpc_igw",
                Set.of("ec2_vpc_igw", "community.aws.ec2_vpc_igw"),
                clients,
                ArgumentSpec.of(
                        Argument.of("vpc_id", ArgumentType.STR).asRequired(),
                        Argument.of("state", ArgumentType.STR)
                                .withDefault("present")
                                .withChoices("present", "absent"),
                        Argument.of("tags", ArgumentType.DICT).withAliases("resource_tags"),
                        Argument.of("purge_tags", ArgumentType.BOOL).withDefault(true)));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        String vpcId = args.string("vpc_id").orElseThrow();
        InternetGateway igw = attachedTo(aws, vpcId);
        if ("absent".equals(args.string("state").orElse("present"))) {
            return absent(aws, context, igw, vpcId);
        }
        Map<String, Object> wanted = args.has("tags") ? args.dict("tags") : null;
        boolean purge = args.get("purge_tags") == null || args.bool("purge_tags");
        Map<String, Object> values = new LinkedHashMap<>();
        if (igw == null && context.checkMode()) {
            values.put("gateway_id", null);
            return ModuleResult.changed(values);
        }
        boolean changed;
        String id;
        Map<String, String> tags;
        if (igw == null) {
            tags = wanted == null
                    ? Map.of()
                    : TagChanges.of(Map.of(), wanted, purge).set();
            id = create(aws, tags, vpcId);
            changed = true;
        } else {
            id = igw.internetGatewayId();
            ResourceTags.Outcome retagged =
                    ResourceTags.ensure(aws, context, id, SecurityGroupResult.tags(igw.tags()), wanted, purge);
            changed = retagged.changed();
            tags = retagged.tags();
        }
        values.put("gateway_id", id);
        values.put("tags", tags);
        values.put("vpc_id", vpcId);
        return changed ? ModuleResult.changed(values) : ModuleResult.ok(values);
    }

    private static InternetGateway attachedTo(AwsSession aws, String vpcId) {
        var request = DescribeInternetGatewaysRequest.builder()
                .filters(
                        Filter.builder().name("attachment.vpc-id").values(vpcId).build())
                .overrideConfiguration(aws.tag())
                .build();
        List<InternetGateway> found = aws.call("ec2", "DescribeInternetGateways", null, () -> {
            List<InternetGateway> all = new ArrayList<>();
            aws.ec2()
                    .describeInternetGatewaysPaginator(request)
                    .internetGateways()
                    .forEach(all::add);
            return all;
        });
        if (found.size() > 1) {
            throw new ModuleFailure("EC2 returned more than one Internet Gateway for VPC " + vpcId + ", aborting");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private static String create(AwsSession aws, Map<String, String> tags, String vpcId) {
        var request = CreateInternetGatewayRequest.builder().overrideConfiguration(aws.tag());
        if (!tags.isEmpty()) {
            List<Tag> list = new ArrayList<>();
            tags.forEach(
                    (key, value) -> list.add(Tag.builder().key(key).value(value).build()));
            request.tagSpecifications(TagSpecification.builder()
                    .resourceType(ResourceType.INTERNET_GATEWAY)
                    .tags(list)
                    .build());
        }
        String error = "Unable to create Internet Gateway";
        String id = aws.call(
                "ec2",
                "CreateInternetGateway",
                error,
                () -> aws.ec2()
                        .createInternetGateway(request.build())
                        .internetGateway()
                        .internetGatewayId());
        aws.call(
                "ec2",
                "AttachInternetGateway",
                error,
                () -> aws.ec2()
                        .attachInternetGateway(AttachInternetGatewayRequest.builder()
                                .internetGatewayId(id)
                                .vpcId(vpcId)
                                .overrideConfiguration(aws.tag())
                                .build()));
        return id;
    }

    private static ModuleResult absent(AwsSession aws, ModuleContext context, InternetGateway igw, String vpcId) {
        if (igw == null) {
            return ModuleResult.ok(Map.of());
        }
        if (!context.checkMode()) {
            String error = "Unable to delete Internet Gateway";
            aws.call(
                    "ec2",
                    "DetachInternetGateway",
                    error,
                    () -> aws.ec2()
                            .detachInternetGateway(DetachInternetGatewayRequest.builder()
                                    .internetGatewayId(igw.internetGatewayId())
                                    .vpcId(vpcId)
                                    .overrideConfiguration(aws.tag())
                                    .build()));
            aws.call(
                    "ec2",
                    "DeleteInternetGateway",
                    error,
                    () -> aws.ec2()
                            .deleteInternetGateway(DeleteInternetGatewayRequest.builder()
                                    .internetGatewayId(igw.internetGatewayId())
                                    .overrideConfiguration(aws.tag())
                                    .build()));
        }
        return ModuleResult.changed(Map.of());
    }
}
