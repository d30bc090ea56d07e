package dev.rolehop.aws.sts;

import dev.rolehop.aws.AwsModule;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.aws.client.Boto3Shapes;
import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.PolicyDescriptorType;

/**
 * {@code sts_assume_role}: assumes an IAM role and returns its temporary credentials as
 * community.aws 5.5 does ({@code sts_creds}, {@code sts_user}, always changed). The secret key
 * and session token are registered as secrets so no output shows them. Unlike community.aws it
 * also runs in check mode, since AssumeRole changes nothing and later tasks need the keys.
 */
public final class StsAssumeRoleModule extends AwsModule {

    public StsAssumeRoleModule(AwsClients clients) {
        super(
                "amazon.aws.sts_assume_role",
                Set.of("sts_assume_role", "community.aws.sts_assume_role"),
                clients,
                ArgumentSpec.of(
                        Argument.of("role_arn", ArgumentType.STR).asRequired(),
                        Argument.of("role_session_name", ArgumentType.STR).asRequired(),
                        Argument.of("duration_seconds", ArgumentType.INT),
                        Argument.of("external_id", ArgumentType.STR),
                        Argument.of("policy", ArgumentType.STR),
                        Argument.of("policy_arns", ArgumentType.LIST).withElements(ArgumentType.STR),
                        Argument.of("mfa_serial_number", ArgumentType.STR),
                        Argument.of("mfa_token", ArgumentType.STR).secret()));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        args.string("mfa_token").ifPresent(context::markSecret);
        var request = AssumeRoleRequest.builder()
                .roleArn(args.string("role_arn").orElseThrow())
                .roleSessionName(args.string("role_session_name").orElseThrow())
                .durationSeconds(
                        args.integer("duration_seconds").map(Long::intValue).orElse(null))
                .externalId(args.string("external_id").orElse(null))
                .policy(args.string("policy").orElse(null))
                .serialNumber(args.string("mfa_serial_number").orElse(null))
                .tokenCode(args.string("mfa_token").orElse(null))
                .overrideConfiguration(aws.tag());
        if (args.has("policy_arns")) {
            request.policyArns(args.list("policy_arns").stream()
                    .map(arn -> PolicyDescriptorType.builder()
                            .arn(String.valueOf(arn))
                            .build())
                    .toList());
        }
        AssumeRoleResponse response =
                aws.call("sts", "AssumeRole", null, () -> aws.sts().assumeRole(request.build()));

        Map<String, Object> values = new LinkedHashMap<>();
        values.put("sts_creds", StsCredentials.of(response.credentials(), context));
        values.put(
                "sts_user",
                response.assumedRoleUser() == null ? Map.of() : Boto3Shapes.snake(response.assumedRoleUser()));
        return ModuleResult.changed(values);
    }
}
