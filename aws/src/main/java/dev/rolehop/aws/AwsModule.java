package dev.rolehop.aws;

import dev.rolehop.aws.client.AwsArguments;
import dev.rolehop.aws.client.AwsClients;
import dev.rolehop.aws.client.AwsSession;
import dev.rolehop.aws.client.CallLog;
import dev.rolehop.aws.client.ConnectionSettings;
import dev.rolehop.creds.CredentialException;
import dev.rolehop.engine.module.ArgumentSpec;
import dev.rolehop.engine.module.Deprecation;
import dev.rolehop.engine.module.Module;
import dev.rolehop.engine.module.ModuleArgs;
import dev.rolehop.engine.module.ModuleContext;
import dev.rolehop.engine.module.ModuleFailure;
import dev.rolehop.engine.module.ModuleResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The common part of every AWS module: the common AWS arguments, membership of the {@code aws}
 * action group, a per-task {@link AwsSession} on the run's shared clients, and failures as
 * amazon.aws reports them. A subclass declares its own arguments and does its one job in
 * {@link #execute}.
 */
public abstract class AwsModule implements Module {

    private static final Set<String> DEPRECATED_VARIABLES =
            Set.of("EC2_REGION", "EC2_SECURITY_TOKEN", "EC2_SECRET_KEY", "EC2_ACCESS_KEY", "EC2_URL", "S3_URL");
    private static final String REMOVED_AFTER = "2024-12-01";

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
            ConnectionSettings settings = AwsArguments.settings(
                    args, context.environment(), profile -> clients.profiles().region(profile, context));
            result = execute(args, new AwsSession(clients, settings, shortName(), log, context), context);
        } catch (ModuleFailure failure) {
            result = failure.toResult();
        } catch (CredentialException e) {
            // Its message names the profile, the cause and the fix (and never a secret).
            result = ModuleResult.failed(e.getMessage(), java.util.Map.of());
        }
        result = result.withDeprecationsFirst(environmentDeprecations(context.environment()));
        if (!debug) {
            return result;
        }
        var values = new LinkedHashMap<String, Object>(result.values());
        values.put("resource_actions", log.resourceActions());
        return result.withValues(values);
    }

    /**
     * The deprecations amazon.aws 5.5's {@code AnsibleAWSModule} reports for the environment the
     * module runs in, in its order and words (one for any of the {@code EC2_*}/{@code S3_URL}
     * variables, one for {@code AWS_SECURITY_TOKEN}).
     */
    static List<Deprecation> environmentDeprecations(Map<String, String> environment) {
        List<Deprecation> out = new ArrayList<>();
        if (DEPRECATED_VARIABLES.stream().anyMatch(environment::containsKey)) {
            out.add(new Deprecation(
                    "Support for the 'EC2_REGION', 'EC2_ACCESS_KEY', 'EC2_SECRET_KEY', "
                            + "'EC2_SECURITY_TOKEN', 'EC2_URL', and 'S3_URL' environment variables has been deprecated.  "
                            + "These variables are currently used for all AWS services which can cause confusion.  "
                            + "We recomend using the relevant module parameters or alternatively the 'AWS_REGION', "
                            + "'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', and 'AWS_URL' "
                            + "environment variables can be used instead.",
                    null,
                    REMOVED_AFTER,
                    "amazon.aws"));
        }
        if (environment.containsKey("AWS_SECURITY_TOKEN")) {
            out.add(new Deprecation(
                    "Support for the 'AWS_SECURITY_TOKEN' environment variable has been "
                            + "deprecated.  This variable was based on the original boto SDK, support for which has now "
                            + "been dropped.  We recommend using the 'session_token' module parameter or alternatively "
                            + "the 'AWS_SESSION_TOKEN' environment variable can be used instead.",
                    null,
                    REMOVED_AFTER,
                    "amazon.aws"));
        }
        return out;
    }

    /**
     * Does the module's job.
     *
     * @throws ModuleFailure to fail the task
     */
    protected abstract ModuleResult execute(ModuleArgs args, AwsSession aws, ModuleContext context);
}
