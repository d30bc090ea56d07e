package dev.rolehop.aws;

import dev.rolehop.aws.client.AwsArguments;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.aws.client.CallLog;
import dev.rolehop.aws.client.ConnectionSettings;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import java.util.LinkedHashMap;
import java.util.Set;

/**
 * The common part of every AWS module: the common AWS arguments, membership of the {@code aws}
 * action group, a per-task {@link AwsSession} on the run's shared clients, and failures as
 * amazon.aws reports them. A subclass declares its own arguments and does its one job in
 * {@link #execute}.
 */
public abstract class AwsModule implements Module {

    private final String name;
    private final Set<String> aliases;
    private final AwsClients clients;
    private final ArgumentSpec spec;

    protected AwsModule(String name, Set<String> aliases, AwsClients clients, ArgumentSpec own) {
        this.name = name;
        this.aliases = Set.copyOf(aliases);
        this.clients = clients;
        this.spec = AwsArguments.withCommon(own);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<String> aliases() {
        return aliases;
    }

    @Override
    public final Set<String> actionGroups() {
        return Set.of("aws");
    }

    @Override
    public final ArgumentSpec argumentSpec() {
        return spec;
    }

    /** The name without collection, as amazon.aws's messages use it ({@code ec2_security_group}). */
    protected final String shortName() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    @Override
    public final ModuleResult run(ModuleArgs args, ModuleContext context) {
        CallLog log = new CallLog(context::log);
        boolean debug = AwsArguments.debugLogs(args, context.environment());
        ModuleResult result;
        try {
            ConnectionSettings settings = AwsArguments.settings(args, context.environment(),
                    profile -> clients.profiles().region(profile, context));
            result = execute(args, new AwsSession(clients, settings, shortName(), log, context), context);
        } catch (ModuleFailure failure) {
            result = failure.toResult();
        } catch (CredentialException e) {
            // Its message names the profile, the cause and the fix (and never a secret).
            result = ModuleResult.failed(e.getMessage(), java.util.Map.of());
        }
        if (!debug) {
            return result;
        }
        var values = new LinkedHashMap<String, Object>(result.values());
        values.put("resource_actions", log.resourceActions());
        return result.withValues(values);
    }

    /**
     * Does the module's job.
     *
     * @throws ModuleFailure to fail the task
     */
    protected abstract ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context);
}
