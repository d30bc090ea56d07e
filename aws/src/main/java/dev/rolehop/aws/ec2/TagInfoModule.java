package dev.rolehop.aws.ec2;

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

/** {@code ec2_tag_info}: the tags of one EC2 resource as a dict, as amazon.aws 5.5 returns them. */
public final class TagInfoModule extends AwsModule {

    public TagInfoModule(AwsClients clients) {
        super(
                "amazon.aws.ec2_tag_info",
                Set.of("ec2_tag_info"),
                clients,
                ArgumentSpec.of(Argument.of("resource", ArgumentType.STR).asRequired()));
    }

    @Override
    protected ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context) {
        return ModuleResult.ok(
                Map.of("tags", ResourceTags.of(aws, args.string("resource").orElseThrow())));
    }
}
