package dev.rolehop.aws.sts;

import dev.rolehop.aws.AwsModule;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.engine.module.Argument;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ArgumentType;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleResult;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sts.model.GetSessionTokenRequest;
import software.amazon.awssdk.services.sts.model.GetSessionTokenResponse;

/**
 * {@code sts_session_token}: gets a session token (with MFA when a serial and code are given)
 * and returns {@code sts_creds} as community.aws 5.5 does, secrets registered as such.
 */
public final class StsSessionTokenModule extends AwsModule {

    public StsSessionTokenModule(AwsClients clients) {
        super(
                "amazon.aws.sts_session_token",
                Set.of("sts_session_token", "community.aws.sts_session_token"),
                clients,
                ArgumentSpec.of(
                        Argument.of("duration_seconds", ArgumentType.INT),
                        Argument.of("mfa_serial_number", ArgumentType.STR),
                        Argument.of("mfa_token", ArgumentType.STR).secret()));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        args.string("mfa_token").ifPresent(context::markSecret);
        var request = GetSessionTokenRequest.builder()
                .durationSeconds(
                        args.integer("duration_seconds").map(Long::intValue).orElse(null))
                .serialNumber(args.string("mfa_serial_number").orElse(null))
                .tokenCode(args.string("mfa_token").orElse(null))
                .overrideConfiguration(aws.tag())
                .build();
        GetSessionTokenResponse response =
                aws.call("sts", "GetSessionToken", null, () -> aws.sts().getSessionToken(request));
        return ModuleResult.changed(Map.of("sts_creds", StsCredentials.of(response.credentials(), context)));
    }
}
