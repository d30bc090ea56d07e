package dev.rolehop.aws.sts;

import dev.rolehop.aws.AwsModule;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.aws.client.Boto3Shapes;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;

/**
 * {@code aws_caller_info}: who the credentials are (GetCallerIdentity) and the account's alias
 * (ListAccountAliases; left out when that call is denied), as amazon.aws 5.5 returns them.
 */
public final class CallerInfoModule extends AwsModule {

    public CallerInfoModule(AwsClients clients) {
        super(
                "amazon.aws.aws_caller_info",
                Set.of("aws_caller_info", "amazon.aws.aws_caller_facts"),
                clients,
                ArgumentSpec.of());
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        var identity = aws.call(
                "sts",
                "GetCallerIdentity",
                "Failed to retrieve caller identity",
                () -> aws.sts()
                        .getCallerIdentity(GetCallerIdentityRequest.builder()
                                .overrideConfiguration(aws.tag())
                                .build()));
        Map<String, Object> info = new LinkedHashMap<>(Boto3Shapes.of(identity));
        try {
            List<String> aliases = aws.iam()
                    .listAccountAliases(ListAccountAliasesRequest.builder()
                            .overrideConfiguration(aws.tag())
                            .build())
                    .accountAliases();
            // AWS allows at most one alias per account; none is reported as an empty string.
            info.put("account_alias", aliases.isEmpty() ? "" : aliases.get(0));
        } catch (AwsServiceException | SdkClientException e) {
            // Lacking iam:ListAccountAliases is not an error: the alias is simply left out.
            context.log(3, "aws_caller_info: no account alias (" + e.getMessage() + ")");
        }
        Map<String, Object> snake = new LinkedHashMap<>();
        info.forEach((key, value) -> snake.put(dev.rolehop.aws.client.SnakeCase.of(key), value));
        return ModuleResult.ok(snake);
    }
}
